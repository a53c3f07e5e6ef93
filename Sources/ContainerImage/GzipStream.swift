import CGzip

/// Inflates gzip (and zlib) data, including the multi-member streams that parallel compressors write.
final class GzipStream: ByteStream {
    private let source: any ByteStream
    private let layer: Int
    // zlib keeps pointers into the z_stream, so it must stay at one heap address.
    private let stream: UnsafeMutablePointer<z_stream>
    private static let inputSize = 256 * 1024
    private let input: UnsafeMutableRawPointer
    private var sourceEnded = false
    private var atMemberEnd = false
    private var finished = false

    init(_ source: any ByteStream, layer: Int) throws(ImageError) {
        self.source = source
        self.layer = layer
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        input = .allocate(byteCount: Self.inputSize, alignment: 16)
        // 32 + 15: accept a gzip or zlib header, with the largest window.
        guard inflateInit2_(stream, 32 + 15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            stream.deallocate()
            input.deallocate()
            throw .corruptLayer(layer: layer, reason: "zlib could not start")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
        input.deallocate()
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ImageError) -> Int {
        guard !finished, let outputBase = buffer.baseAddress, !buffer.isEmpty else { return 0 }
        stream.pointee.next_out = outputBase.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = UInt32(buffer.count)
        while Int(stream.pointee.avail_out) == buffer.count {
            if stream.pointee.avail_in == 0, !sourceEnded {
                let count = try source.read(into: UnsafeMutableRawBufferPointer(start: input, count: Self.inputSize))
                if count == 0 {
                    sourceEnded = true
                } else {
                    stream.pointee.next_in = input.assumingMemoryBound(to: Bytef.self)
                    stream.pointee.avail_in = UInt32(count)
                }
            }
            if stream.pointee.avail_in == 0, sourceEnded {
                guard atMemberEnd else { throw .corruptLayer(layer: layer, reason: "the gzip stream is truncated") }
                finished = true
                break
            }
            atMemberEnd = false
            let status = inflate(stream, Z_NO_FLUSH)
            switch status {
            case Z_OK, Z_BUF_ERROR:
                continue
            case Z_STREAM_END:
                // Another member may follow; zlib stops at each member's end.
                atMemberEnd = true
                inflateReset(stream)
            default:
                let reason = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                throw .corruptLayer(layer: layer, reason: "gzip: \(reason)")
            }
        }
        return buffer.count - Int(stream.pointee.avail_out)
    }
}
