import HostSystem
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Audit
import BuildContext

/// Writes whole texts to stdout or stderr with `write(2)`, retrying short writes.
enum Output {
    static func standard(_ text: String) { write(text, to: STDOUT_FILENO) }
    static func error(_ text: String) { write(text, to: STDERR_FILENO) }

    /// `plimsoll: warning: …`, one line each.
    static func notes(_ notes: [AuditNote]) {
        for note in notes { error("plimsoll: \(note)\n") }
    }

    private static func write(_ text: String, to descriptor: Int32) {
        var text = text
        // A closed stdout or stderr has nowhere to report to; the exit status still tells.
        _ = text.withUTF8 { FileWriter.writeAll(descriptor, UnsafeRawBufferPointer($0)) }
    }
}
