#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be read: the path and the system's reason, one line.
public struct FileReadError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "cannot read \(path): \(reason)" }
}

/// Reads whole files with POSIX calls and a size limit, so hostile input cannot exhaust memory.
public enum FileReader {
    public static func read(_ path: String, limit: Int) throws(FileReadError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileReadError(path: path, reason: systemError()) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw FileReadError(path: path, reason: systemError()) }
        if (status.st_mode & S_IFMT) == S_IFDIR { throw FileReadError(path: path, reason: "it is a directory") }
        // A buffer the size of the file: a Dockerfile is a few KiB, and zeroing a 64 KiB buffer
        // page by page cost a one-file lint more than reading the file.
        return try readAll(descriptor, name: path, limit: limit, size: (status.st_mode & S_IFMT) == S_IFREG ? Int(status.st_size) : nil)
    }

    /// Reads at most `limit` bytes (for scanning the start of a file); pass the expected size as
    /// `limit` when it is known, so the buffer is no larger than the file.
    public static func readPrefix(_ path: String, limit: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: limit)
        var filled = 0
        while filled < limit {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + filled, limit - filled) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            filled += count
        }
        bytes.removeSubrange(filled...)
        return bytes
    }

    /// `size`, when known (a regular file), sizes the buffer and ends the read without a last call
    /// that returns nothing.
    public static func readAll(_ descriptor: Int32, name: String, limit: Int, size: Int? = nil) throws(FileReadError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: size.map { min(max($0 + 1, 512), 1 << 16) } ?? 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileReadError(path: name, reason: systemError())
            }
            if count == 0 { return bytes }
            guard bytes.count + count <= limit else {
                throw FileReadError(path: name, reason: "larger than \(limit >> 20) MiB")
            }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count == size { return bytes }
        }
    }

    public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    public static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    static func systemError() -> String { String(cString: strerror(errno)).lowercased() }
}
