/// A RubyGems version, ordered as `Gem::Version#<=>`: `-` means `.pre.`, the text splits into runs
/// of digits and of letters, trailing zeros of the numeric part and of the rest are dropped, and
/// segment by segment a word sorts before a number (`1.0.a` < `1.0`), words alphabetically.
public struct GemVersion: OrderedVersion, CustomStringConvertible {
    enum Segment: Sendable, Equatable {
        /// Digits without leading zeros, so numbers of any length compare exactly.
        case number([UInt8])
        case word([UInt8])

        static let zero = Segment.number([])
    }

    let segments: [Segment]
    public let description: String

    /// nil unless the text matches `Gem::Version`'s pattern (digits, then `.`-separated alphanumeric
    /// parts, then an optional `-` pre-release part); blank is `0`.
    public init?(_ text: String) {
        let trimmed = text.trimmingSpaces()
        guard Self.isWellFormed(Array(trimmed.utf8)) else { return nil }
        description = text
        segments = Self.canonical(Self.split(Array((trimmed.isEmpty ? "0" : trimmed).utf8)))
    }

    public static func < (lhs: GemVersion, rhs: GemVersion) -> Bool { compare(lhs, rhs) < 0 }
    public static func == (lhs: GemVersion, rhs: GemVersion) -> Bool { compare(lhs, rhs) == 0 }

    public static func compare(_ a: GemVersion, _ b: GemVersion) -> Int {
        for index in 0..<max(a.segments.count, b.segments.count) {
            let left = index < a.segments.count ? a.segments[index] : .zero
            let right = index < b.segments.count ? b.segments[index] : .zero
            switch (left, right) {
            case (.number(let x), .number(let y)):
                let order = VersionBytes.compareDigits(ArraySlice(x), ArraySlice(y))
                if order != 0 { return order }
            case (.word(let x), .word(let y)):
                if x != y { return x.lexicographicallyPrecedes(y) ? -1 : 1 }
            case (.word, .number): return -1
            case (.number, .word): return 1
            }
        }
        return 0
    }

    /// `[0-9]+(\.[0-9a-zA-Z]+)*(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?`, or nothing at all.
    static func isWellFormed(_ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty else { return true }
        let dash = bytes.firstIndex(of: UInt8(ascii: "-")) ?? bytes.endIndex
        let release = bytes[..<dash].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard let first = release.first, !first.isEmpty, first.allSatisfy(VersionBytes.isDigit),
              release.dropFirst().allSatisfy({ !$0.isEmpty && $0.allSatisfy(VersionBytes.isAlphanumeric) }) else { return false }
        guard dash < bytes.endIndex else { return true }
        let prerelease = bytes[(dash + 1)...].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return prerelease.allSatisfy { !$0.isEmpty && $0.allSatisfy { VersionBytes.isAlphanumeric($0) || $0 == UInt8(ascii: "-") } }
    }

    /// Runs of digits and of letters, with `-` read as `.pre.` (so it adds the word `pre`).
    static func split(_ bytes: [UInt8]) -> [Segment] {
        var segments: [Segment] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "-") {
                segments.append(.word(Array("pre".utf8)))
                index += 1
            } else if VersionBytes.isDigit(byte) {
                let start = index
                while index < bytes.count, VersionBytes.isDigit(bytes[index]) { index += 1 }
                segments.append(.number(Array(bytes[start..<index].drop { $0 == UInt8(ascii: "0") })))
            } else if VersionBytes.isAlpha(byte) {
                let start = index
                while index < bytes.count, VersionBytes.isAlpha(bytes[index]) { index += 1 }
                segments.append(.word(Array(bytes[start..<index])))
            } else {
                index += 1
            }
        }
        return segments
    }

    /// `canonical_segments`: the numeric part before the first word and the rest, each without trailing zeros.
    static func canonical(_ segments: [Segment]) -> [Segment] {
        let firstWord = segments.firstIndex { if case .word = $0 { true } else { false } } ?? segments.endIndex
        func trimmed(_ part: ArraySlice<Segment>) -> [Segment] {
            var part = Array(part)
            while part.last == .zero { part.removeLast() }
            return part
        }
        return trimmed(segments[..<firstWord]) + trimmed(segments[firstWord...])
    }
}
