import HostSystem
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Copies a streamed archive (piped in, or from the Docker engine) into an anonymous temporary file:
/// its name is unlinked at once, so nothing is left behind whatever happens next, and the manifest
/// may come last in the stream.
public enum ArchiveSpool {
    static func spool(from input: Int32 = STDIN_FILENO) throws(ImageError) -> OpenFile {
        try spool(name: "standard input") { (buffer) throws(ImageError) -> Int in
            while true {
                let count = read(input, buffer.baseAddress, buffer.count)
                if count < 0, errno == EINTR { continue }
                guard count >= 0 else { throw .unreadable(path: "standard input", reason: OpenFile.lastError()) }
                return count
            }
        }
    }

    /// `next` fills a buffer and returns how much it filled, 0 at the end.
    public static func spool(name: String, _ next: (UnsafeMutableRawBufferPointer) throws(ImageError) -> Int) throws(ImageError) -> OpenFile {
        let directory = Environment.value("TMPDIR") ?? "/tmp"
        guard let (descriptor, temporary) = TemporaryFile.create(prefix: directory + "/plimsoll-stdin-") else {
            throw .unreadable(path: directory, reason: OpenFile.lastError())
        }
        unlink(temporary)
        let size = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer { buffer.deallocate() }
        var total: Int64 = 0
        while true {
            let count: Int
            do {
                count = try next(UnsafeMutableRawBufferPointer(start: buffer, count: size))
            } catch {
                close(descriptor)
                throw error
            }
            if count == 0 { break }
            var written = 0
            while written < count {
                let result = write(descriptor, buffer + written, count - written)
                if result < 0, errno == EINTR { continue }
                guard result > 0 else {
                    close(descriptor)
                    throw .unreadable(path: directory, reason: "spooling \(name): \(OpenFile.lastError())")
                }
                written += result
            }
            total += Int64(count)
        }
        guard total > 0 else {
            close(descriptor)
            throw .notAnImage(path: name, reason: name == "standard input" ? "nothing was piped in" : "it sent nothing")
        }
        return OpenFile(descriptor: descriptor, path: name, size: total)
    }
}
