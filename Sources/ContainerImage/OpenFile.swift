#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only file descriptor shared by every reader of one archive or layout blob; `pread`
/// keeps concurrent readers independent of each other.
public final class OpenFile: Sendable {
    public let path: String
    let descriptor: Int32
    public let size: Int64

    public init(path: String) throws(ImageError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(path: path, reason: OpenFile.lastError()) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            close(descriptor)
            throw .unreadable(path: path, reason: OpenFile.lastError())
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw .unreadable(path: path, reason: "not a regular file")
        }
        self.path = path
        self.descriptor = descriptor
        self.size = Int64(status.st_size)
    }

    /// Takes ownership of an already open descriptor (the stdin spool, whose name is already unlinked).
    init(descriptor: Int32, path: String, size: Int64) {
        self.descriptor = descriptor
        self.path = path
        self.size = size
    }

    deinit { close(descriptor) }

    /// Reads up to `buffer.count` bytes at `offset`; 0 means end of file.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws(ImageError) -> Int {
        while true {
            let count = pread(descriptor, buffer.baseAddress, buffer.count, off_t(offset))
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw .unreadable(path: path, reason: OpenFile.lastError())
        }
    }

    /// The whole region, for small documents (manifests, configs); `limit` bounds what a hostile archive can make us allocate.
    public func bytes(_ region: FileRegion, limit: Int64, what: String) throws(ImageError) -> [UInt8] {
        guard region.length <= limit else { throw .tooLarge(what: what, limit: limit) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Int(region.length), alignment: 1)
        defer { buffer.deallocate() }
        var filled = 0
        while filled < buffer.count {
            let count = try read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]), at: region.offset + Int64(filled))
            guard count > 0 else { throw .unreadable(path: path, reason: "\(what) ends early") }
            filled += count
        }
        return Array(buffer)
    }

    static func lastError() -> String { String(cString: strerror(errno)) }
}

/// A byte range of an open file: a blob in a layout directory or a member of an archive.
public struct FileRegion: Sendable {
    public let file: OpenFile
    public let offset: Int64
    public let length: Int64

    init(file: OpenFile, offset: Int64, length: Int64) {
        self.file = file
        self.offset = offset
        self.length = length
    }

    /// All of `file` (a cached blob).
    public init(wholeFile file: OpenFile) { self.init(file: file, offset: 0, length: file.size) }
}
