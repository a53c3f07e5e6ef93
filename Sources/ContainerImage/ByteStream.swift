/// A pull-based source of bytes; layers flow through a chain of them (file region → digest →
/// decompression → digest → tar) without ever being held whole.
public protocol ByteStream: AnyObject {
    /// Fills up to `buffer.count` bytes; returns 0 only at the end of the stream.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ImageError) -> Int
}

/// A stream that can move forward without reading, so an archive's index costs only its headers.
protocol SeekableByteStream: ByteStream {
    /// False when fewer than `count` bytes are left.
    func skip(_ count: Int64) -> Bool
}

/// Reads one region of a file, in order.
final class FileRegionStream: SeekableByteStream {
    private let region: FileRegion
    private var position: Int64 = 0

    init(_ region: FileRegion) { self.region = region }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ImageError) -> Int {
        let wanted = Int(min(Int64(buffer.count), region.length - position))
        guard wanted > 0 else { return 0 }
        let count = try region.file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<wanted]), at: region.offset + position)
        guard count > 0 else { throw .unreadable(path: region.file.path, reason: "the file ends inside a blob") }
        position += Int64(count)
        return count
    }

    func skip(_ count: Int64) -> Bool {
        guard count <= region.length - position else { return false }
        position += count
        return true
    }
}

/// A stream that hashes and counts what passes through it.
protocol DigestStream: ByteStream {
    var count: Int64 { get }
    /// The digest of everything read; call once, after the last read.
    func finish() -> Digest
}

/// Hashes and counts what passes through, so a blob's digest is checked in the same pass that reads it.
final class DigestingStream: DigestStream {
    private let source: any ByteStream
    private let hasher = SHA256Hasher()
    private(set) var count: Int64 = 0

    init(_ source: any ByteStream) { self.source = source }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ImageError) -> Int {
        let count = try source.read(into: buffer)
        hasher.update(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
        self.count += Int64(count)
        return count
    }

    func finish() -> Digest { hasher.finish() }
}

/// Gives back bytes already read from a stream before reading on, so a stream's first bytes can be
/// looked at (a layer's compression magic) without a second pass.
final class ReplayingStream: ByteStream {
    private let source: any ByteStream
    private var pending: [UInt8]

    init(_ source: any ByteStream, replaying pending: [UInt8]) {
        self.source = source
        self.pending = pending
    }

    /// Reads up to `count` bytes from the start of `source` (fewer only at its end).
    static func prefix(of source: any ByteStream, count: Int) throws(ImageError) -> [UInt8] {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 1)
        defer { buffer.deallocate() }
        var filled = 0
        while filled < count {
            let read = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            if read == 0 { break }
            filled += read
        }
        return Array(buffer[..<filled])
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ImageError) -> Int {
        guard pending.isEmpty else {
            let count = min(buffer.count, pending.count)
            pending.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            pending.removeFirst(count)
            return count
        }
        return try source.read(into: buffer)
    }
}
