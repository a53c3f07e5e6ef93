#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a fixed Dockerfile back: to a temporary file beside it, then renamed over it, so an
/// interrupted write never leaves half a file.
enum FixWriter {
    static func write(_ bytes: [UInt8], to path: String) throws(UsageError) {
        let temporary = path + ".plimsoll-fix"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw UsageError(message: "cannot write \(temporary): \(String(cString: strerror(errno)).lowercased())") }
        var status = stat()
        if stat(path, &status) == 0 { fchmod(descriptor, status.st_mode & 0o7777) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            written += count
        }
        close(descriptor)
        guard written == bytes.count, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw UsageError(message: "cannot write \(path): \(String(cString: strerror(errno)).lowercased())")
        }
    }
}
