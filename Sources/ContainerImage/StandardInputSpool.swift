import HostSystem
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Copies a piped archive into an anonymous temporary file: its name is unlinked at once, so
/// nothing is left behind whatever happens next, and the manifest may come last in the stream.
enum StandardInputSpool {
    static func spool(from input: Int32 = STDIN_FILENO) throws(ImageError) -> OpenFile {
        let directory = Environment.value("TMPDIR") ?? "/tmp"
        var template = Array((directory + "/plimsoll-stdin-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard descriptor >= 0 else { throw .unreadable(path: directory, reason: OpenFile.lastError()) }
        template.withUnsafeBufferPointer { buffer in _ = buffer.baseAddress.map { unlink($0) } }
        let size = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer { buffer.deallocate() }
        var total: Int64 = 0
        while true {
            let count = read(input, buffer, size)
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else {
                close(descriptor)
                throw .unreadable(path: "standard input", reason: OpenFile.lastError())
            }
            if count == 0 { break }
            var written = 0
            while written < count {
                let result = write(descriptor, buffer + written, count - written)
                if result < 0, errno == EINTR { continue }
                guard result > 0 else {
                    close(descriptor)
                    throw .unreadable(path: directory, reason: "spooling standard input: \(OpenFile.lastError())")
                }
                written += result
            }
            total += Int64(count)
        }
        guard total > 0 else {
            close(descriptor)
            throw .notAnImage(path: "standard input", reason: "nothing was piped in")
        }
        return OpenFile(descriptor: descriptor, path: "standard input", size: total)
    }
}
