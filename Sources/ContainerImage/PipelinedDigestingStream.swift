import Dispatch

/// A ``DigestingStream`` that hashes on another thread, for when cores would otherwise idle: bytes are read into a ring of large
/// buffers, each handed to a serial queue for hashing while the reader parses the next. A layer
/// then costs about max(hashing, parsing) instead of their sum, which matters most for the big
/// uncompressed layers of a docker-archive.
///
/// `@unchecked Sendable` because the hasher is touched only on `queue` (and by `finish` after a
/// `queue.sync`), and a buffer is refilled only after the semaphore says its hash is done;
/// buffers are hashed in order, so the next one in the ring is always the oldest released.
final class PipelinedDigestingStream: DigestStream, @unchecked Sendable {
    private static let bufferSize = 256 << 10
    private static let bufferCount = 4

    private let source: any ByteStream
    private let hasher = SHA256Hasher()
    private let queue = DispatchQueue(label: "plimsoll.digest")
    private let released = DispatchSemaphore(value: bufferCount)
    private let buffers: [UnsafeMutableRawPointer]
    private var current = -1
    private var position = 0
    private var filled = 0
    private var ended = false
    /// Buffers taken from the semaphore and not yet handed to the queue; libdispatch traps if a
    /// semaphore is freed below its initial value, so deinit gives them back.
    private var held = 0
    private(set) var count: Int64 = 0

    init(_ source: any ByteStream) {
        self.source = source
        buffers = (0..<Self.bufferCount).map { _ in .allocate(byteCount: Self.bufferSize, alignment: 64) }
    }

    deinit {
        // Wait for the queue to finish with the buffers before freeing them.
        queue.sync {}
        for _ in 0..<held { released.signal() }
        for buffer in buffers { buffer.deallocate() }
    }

    func read(into output: UnsafeMutableRawBufferPointer) throws(ImageError) -> Int {
        if position == filled {
            guard !ended else { return 0 }
            try advance()
            if filled == 0 { return 0 }
        }
        let count = min(output.count, filled - position)
        output.baseAddress?.copyMemory(from: buffers[current] + position, byteCount: count)
        position += count
        return count
    }

    /// Hands the current buffer to the hashing queue and fills the next one.
    private func advance() throws(ImageError) {
        submitCurrent()
        released.wait()
        held += 1
        current = (current + 1) % Self.bufferCount
        position = 0
        filled = 0
        let buffer = buffers[current]
        while filled < Self.bufferSize {
            let read = try source.read(into: UnsafeMutableRawBufferPointer(start: buffer + filled, count: Self.bufferSize - filled))
            if read == 0 {
                ended = true
                break
            }
            filled += read
        }
        count += Int64(filled)
    }

    private func submitCurrent() {
        guard current >= 0, held > 0 else { return }
        held -= 1
        nonisolated(unsafe) let bytes = UnsafeRawBufferPointer(start: buffers[current], count: filled)
        nonisolated(unsafe) let hasher = hasher
        let released = released
        queue.async {
            hasher.update(bytes)
            released.signal()
        }
        filled = 0
    }

    /// The digest of everything read so far; call once, after the last read.
    func finish() -> Digest {
        submitCurrent()
        return queue.sync { hasher.finish() }
    }
}
