import HostSystem
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BuildContext

/// Writes a fixed Dockerfile back: to a temporary file beside it, then renamed over it, so an
/// interrupted write never leaves half a file.
public enum FixWriter {
    public static func write(_ bytes: [UInt8], to path: String) throws(AuditError) {
        let temporary = path + ".plimsoll-fix"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw AuditError("cannot write \(temporary): \(String(cString: strerror(errno)).lowercased())") }
        var status = stat()
        if stat(path, &status) == 0 { fchmod(descriptor, status.st_mode & 0o7777) }
        let complete = bytes.withUnsafeBytes { FileWriter.writeAll(descriptor, $0) }
        close(descriptor)
        guard complete, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw AuditError("cannot write \(path): \(String(cString: strerror(errno)).lowercased())")
        }
    }
}
