/// Bounds on what reading a layer may cost, so a hostile image fails fast instead of exhausting the machine.
public struct ReadLimits: Sendable {
    /// A layer may always expand to this many bytes...
    public var expansionFloor: Int64
    /// ...and beyond it to this multiple of its compressed size (real layers expand 2–10×).
    public var maximumRatio: Int64

    public static let standard = ReadLimits(expansionFloor: 1 << 30, maximumRatio: 100)

    public init(expansionFloor: Int64, maximumRatio: Int64) {
        self.expansionFloor = expansionFloor
        self.maximumRatio = maximumRatio
    }

    func expansionLimit(storedSize: Int64) -> Int64 {
        let (scaled, overflow) = storedSize.multipliedReportingOverflow(by: maximumRatio)
        return max(expansionFloor, overflow ? Int64.max : scaled)
    }
}

/// Stops a decompressor whose output passes the limit.
final class ExpansionGuard: ByteStream {
    private let source: any ByteStream
    private let limit: Int64
    private let layer: Int
    private let storedSize: Int64
    private(set) var produced: Int64 = 0

    init(_ source: any ByteStream, limit: Int64, layer: Int, storedSize: Int64) {
        self.source = source
        self.limit = limit
        self.layer = layer
        self.storedSize = storedSize
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ImageError) -> Int {
        let count = try source.read(into: buffer)
        produced += Int64(count)
        if produced > limit { throw .decompressionBomb(layer: layer, compressed: storedSize, limit: limit) }
        return count
    }
}
