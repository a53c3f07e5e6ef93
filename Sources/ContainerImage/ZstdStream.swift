import CZstd

/// Decompresses zstd frames (one or several) with a bounded window.
final class ZstdStream: ByteStream {
    private let source: any ByteStream
    private let layer: Int
    private let context: OpaquePointer
    private let input: UnsafeMutableRawBufferPointer
    private var inputStart = 0
    private var inputEnd = 0
    private var sourceEnded = false
    private var atFrameEnd = false
    private var finished = false

    init(_ source: any ByteStream, layer: Int) throws(ImageError) {
        guard let context = ZSTD_createDCtx() else { throw .corruptLayer(layer: layer, reason: "zstd could not start") }
        // 2^27 bytes is zstd's own default ceiling; a frame that asks for more is refused rather than allocated.
        ZSTD_DCtx_setParameter(context, ZSTD_d_windowLogMax, 27)
        self.source = source
        self.layer = layer
        self.context = context
        input = .allocate(byteCount: 256 * 1024, alignment: 16)
    }

    deinit {
        ZSTD_freeDCtx(context)
        input.deallocate()
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ImageError) -> Int {
        guard !finished, !buffer.isEmpty else { return 0 }
        var output = ZSTD_outBuffer(dst: buffer.baseAddress, size: buffer.count, pos: 0)
        while output.pos == 0 {
            if inputStart == inputEnd, !sourceEnded {
                inputEnd = try source.read(into: input)
                inputStart = 0
                if inputEnd == 0 { sourceEnded = true }
            }
            if inputStart == inputEnd, sourceEnded {
                guard atFrameEnd else { throw .corruptLayer(layer: layer, reason: "the zstd stream is truncated") }
                finished = true
                break
            }
            var inBuffer = ZSTD_inBuffer(src: input.baseAddress, size: inputEnd, pos: inputStart)
            let hint = ZSTD_decompressStream(context, &output, &inBuffer)
            if ZSTD_isError(hint) != 0 {
                throw .corruptLayer(layer: layer, reason: "zstd: \(String(cString: ZSTD_getErrorName(hint)))")
            }
            inputStart = inBuffer.pos
            atFrameEnd = hint == 0
        }
        return output.pos
    }
}
