import CGzip

/// Inflates a raw deflate stream (a zip member's data) fed in pieces: output is handed over as it
/// is produced, and the stream's own end is noticed, which is how the end of a zip member whose
/// size the local header leaves open is found.
public final class RawInflater {
    public enum Failure: Error, Sendable {
        case corrupt
    }

    // zlib keeps pointers into the stream between calls, so it lives at one address.
    private let stream: UnsafeMutablePointer<z_stream>
    private var window = [UInt8](repeating: 0, count: 32 * 1024)
    public private(set) var ended = false
    /// Bytes produced so far.
    public private(set) var produced = 0

    public init() throws(Failure) {
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        guard inflateInit2_(stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            stream.deallocate()
            throw .corrupt
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    /// Inflates from `input` until it is used up or the deflate stream ends; returns how many input
    /// bytes were consumed (fewer than given only when the stream ended inside them).
    @discardableResult
    public func inflate(_ input: UnsafeRawBufferPointer, output: (UnsafeRawBufferPointer) -> Void) throws(Failure) -> Int {
        guard !ended, let base = input.baseAddress, !input.isEmpty else { return 0 }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = UInt32(input.count)
        var failed = false
        window.withUnsafeMutableBytes { scratch in
            while stream.pointee.avail_in > 0 || !ended {
                stream.pointee.next_out = scratch.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.pointee.avail_out = UInt32(scratch.count)
                let status = CGzip.inflate(stream, Z_NO_FLUSH)
                let count = scratch.count - Int(stream.pointee.avail_out)
                if count > 0 {
                    produced += count
                    output(UnsafeRawBufferPointer(rebasing: scratch[..<count]))
                }
                if status == Z_STREAM_END {
                    ended = true
                    break
                }
                guard status == Z_OK || (status == Z_BUF_ERROR && count > 0) else {
                    // Z_BUF_ERROR without output: stuck, which for a stream fed whole means truncated.
                    failed = status != Z_BUF_ERROR || stream.pointee.avail_in > 0
                    break
                }
                // No progress possible until more input arrives.
                if stream.pointee.avail_in == 0 && count < scratch.count { break }
            }
        }
        if failed { throw .corrupt }
        return input.count - Int(stream.pointee.avail_in)
    }

    /// A whole member at once, which must inflate to `expected` bytes (at most `limit`).
    public static func inflate(_ data: [UInt8], expected: Int, limit: Int) throws(Failure) -> [UInt8] {
        guard expected <= limit else { throw .corrupt }
        let inflater = try RawInflater()
        var output: [UInt8] = []
        output.reserveCapacity(expected)
        var overflow = false
        let failed = data.withUnsafeBytes { bytes -> Bool in
            do {
                try inflater.inflate(bytes) { piece in
                    if output.count + piece.count > expected { overflow = true } else { output += piece }
                }
                return false
            } catch {
                return true
            }
        }
        guard !failed, inflater.ended, !overflow, output.count == expected else { throw .corrupt }
        return output
    }
}
