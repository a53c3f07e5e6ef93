/// Where an import's records come from, read a batch at a time so that a large archive is never
/// held inflated all at once.
public protocol OSVRecordSource {
    /// How many documents there are; a large import takes the bulk path.
    var count: Int { get }
    /// The documents at `range`: a name for messages and the JSON bytes.
    func documents(_ range: Range<Int>) throws -> [(source: String, bytes: [UInt8])]
}

/// Documents already in memory (single `.json` files, tests).
public struct OSVDocuments: OSVRecordSource {
    let all: [(source: String, bytes: [UInt8])]

    public init(_ documents: [(source: String, bytes: [UInt8])]) { all = documents }

    public var count: Int { all.count }
    public func documents(_ range: Range<Int>) throws -> [(source: String, bytes: [UInt8])] { Array(all[range]) }
}

/// Several sources imported as one (`db import a.zip b.zip records/`), in order.
public struct OSVSourceList: OSVRecordSource {
    let sources: [any OSVRecordSource]

    public init(_ sources: [any OSVRecordSource]) { self.sources = sources }

    public var count: Int { sources.reduce(0) { $0 + $1.count } }

    public func documents(_ range: Range<Int>) throws -> [(source: String, bytes: [UInt8])] {
        var result: [(source: String, bytes: [UInt8])] = []
        var start = 0
        for source in sources {
            let part = range.clamped(to: start..<(start + source.count))
            if !part.isEmpty { result += try source.documents((part.lowerBound - start)..<(part.upperBound - start)) }
            start += source.count
        }
        return result
    }
}
