/// Every keyword the scanner looks for, indexed by its first two bytes, so one pass over a file
/// finds all candidates: a table lookup per byte, and a comparison only where a keyword may start.
struct KeywordIndex: Sendable {
    enum Handler: Sendable {
        case token(TokenRule)
        case privateKey, awsSecret, jwt, serviceAccountType, privateKeyField
    }

    struct Keyword: Sendable {
        var bytes: [UInt8]
        var caseInsensitive: Bool
        var handler: Handler
    }

    static let shared = KeywordIndex()

    private let keywords: [Keyword]
    /// Bit per two-byte prefix (65 536 bits).
    private let bitmap: [UInt64]
    /// (two-byte prefix, keyword index), sorted by prefix. Not a dictionary: the first `UInt16`-keyed
    /// dictionary in a process costs a scan of every protocol conformance in the binary.
    private let byPrefix: [(prefix: UInt16, keyword: Int)]
    /// Where the entries whose prefix starts with byte `b` begin in `byPrefix` (257 entries).
    private let firstByteStart: [Int]

    init() {
        var keywords: [Keyword] = []
        for rule in SecretScanner.tokenRules {
            for prefix in rule.prefixes { keywords.append(Keyword(bytes: prefix, caseInsensitive: false, handler: .token(rule))) }
        }
        keywords.append(Keyword(bytes: Array("-----BEGIN ".utf8), caseInsensitive: false, handler: .privateKey))
        keywords.append(Keyword(bytes: Array("secret_access_key".utf8), caseInsensitive: true, handler: .awsSecret))
        keywords.append(Keyword(bytes: Array("eyJ".utf8), caseInsensitive: false, handler: .jwt))
        keywords.append(Keyword(bytes: Array("\"service_account\"".utf8), caseInsensitive: false, handler: .serviceAccountType))
        keywords.append(Keyword(bytes: Array("\"private_key\"".utf8), caseInsensitive: false, handler: .privateKeyField))
        var bitmap = [UInt64](repeating: 0, count: 1024)
        var byPrefix: [(prefix: UInt16, keyword: Int)] = []
        for (index, keyword) in keywords.enumerated() {
            let firsts = keyword.caseInsensitive ? Self.cases(keyword.bytes[0]) : [keyword.bytes[0]]
            let seconds = keyword.caseInsensitive ? Self.cases(keyword.bytes[1]) : [keyword.bytes[1]]
            for first in firsts {
                for second in seconds {
                    let key = UInt16(first) << 8 | UInt16(second)
                    bitmap[Int(key >> 6)] |= 1 << (key & 63)
                    byPrefix.append((key, index))
                }
            }
        }
        self.keywords = keywords
        self.bitmap = bitmap
        self.byPrefix = byPrefix.sorted { ($0.prefix, $0.keyword) < ($1.prefix, $1.keyword) }
        var firstByteStart = [Int](repeating: 0, count: 257)
        for entry in self.byPrefix { firstByteStart[Int(entry.prefix >> 8) + 1] += 1 }
        for byte in 1...256 { firstByteStart[byte] += firstByteStart[byte - 1] }
        self.firstByteStart = firstByteStart
    }

    private static func cases(_ byte: UInt8) -> [UInt8] {
        let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        let upper = lower >= 0x61 && lower <= 0x7A ? lower & ~0x20 : lower
        return lower == upper ? [lower] : [lower, upper]
    }

    /// Calls `body` for each keyword occurrence, in order of offset.
    func forEachCandidate(in bytes: [UInt8], _ body: (Keyword, Int) -> Void) {
        guard bytes.count >= 2 else { return }
        bytes.withUnsafeBufferPointer { buffer in
            bitmap.withUnsafeBufferPointer { bits in
                for offset in 0..<(buffer.count - 1) {
                    let key = UInt16(buffer[offset]) << 8 | UInt16(buffer[offset + 1])
                    guard bits[Int(key >> 6)] & (1 << (key & 63)) != 0 else { continue }
                    for entry in byPrefix[firstByteStart[Int(buffer[offset])]..<firstByteStart[Int(buffer[offset]) + 1]] where entry.prefix == key {
                        let keyword = keywords[entry.keyword]
                        if matches(keyword, buffer, at: offset) { body(keyword, offset) }
                    }
                }
            }
        }
    }

    private func matches(_ keyword: Keyword, _ buffer: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        guard offset + keyword.bytes.count <= buffer.count else { return false }
        for (position, expected) in keyword.bytes.enumerated() {
            var actual = buffer[offset + position]
            if keyword.caseInsensitive, actual >= 0x41, actual <= 0x5A { actual |= 0x20 }
            if actual != expected { return false }
        }
        return true
    }
}
