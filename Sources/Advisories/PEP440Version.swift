/// A Python version as PEP 440 defines it (and pypa/packaging reads it): `[N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]`,
/// with the spelling variations the spec allows (`alpha`, `c`, `pre`, `preview`, `-1` for post,
/// `rev`, `r`, separators `-_.`, implicit numbers, any case, a leading `v`).
public struct PEP440Version: OrderedVersion, CustomStringConvertible {
    public enum PreRelease: Int, Sendable, Comparable {
        case alpha, beta, candidate
        public static func < (lhs: PreRelease, rhs: PreRelease) -> Bool { lhs.rawValue < rhs.rawValue }
        var spelling: String { ["a", "b", "rc"][rawValue] }
    }

    public let epoch: UInt64
    public let release: [UInt64]
    public let pre: (kind: PreRelease, number: UInt64)?
    public let post: UInt64?
    public let dev: UInt64?
    /// Local version segments, lower-cased.
    public let local: [Substring]

    public init?(_ text: String) {
        var parser = PEP440Parser(text.trimmingSpaces().lowercased())
        guard let parsed = parser.parse() else { return nil }
        (epoch, release, pre, post, dev, local) = parsed
    }

    /// The canonical spelling: `1!2.0rc1.post3.dev4+ubuntu.1`.
    public var description: String {
        var text = epoch > 0 ? "\(epoch)!" : ""
        text += release.map(String.init).joined(separator: ".")
        if let pre { text += pre.kind.spelling + String(pre.number) }
        if let post { text += ".post\(post)" }
        if let dev { text += ".dev\(dev)" }
        if !local.isEmpty { text += "+" + local.joined(separator: ".") }
        return text
    }

    public static func < (lhs: PEP440Version, rhs: PEP440Version) -> Bool { compare(lhs, rhs) < 0 }
    public static func == (lhs: PEP440Version, rhs: PEP440Version) -> Bool { compare(lhs, rhs) == 0 }

    public static func compare(_ a: PEP440Version, _ b: PEP440Version) -> Int {
        if a.epoch != b.epoch { return a.epoch < b.epoch ? -1 : 1 }
        let left = a.release.reversed().drop { $0 == 0 }.reversed()
        let right = b.release.reversed().drop { $0 == 0 }.reversed()
        for (x, y) in zip(left, right) where x != y { return x < y ? -1 : 1 }
        if left.count != right.count { return left.count < right.count ? -1 : 1 }
        for (x, y) in [(a.preKey, b.preKey), (a.postKey, b.postKey), (a.devKey, b.devKey)] where x != y {
            return x.lexicographicallyPrecedes(y) ? -1 : 1
        }
        return compareLocal(a.local, b.local)
    }

    /// A dev release without a pre-release sorts before every pre-release; a final release after them.
    private var preKey: [Int64] {
        if let pre { return [0, Int64(pre.kind.rawValue), Int64(clamping: pre.number)] }
        return post == nil && dev != nil ? [-1] : [1]
    }
    private var postKey: [Int64] { post.map { [1, Int64(clamping: $0)] } ?? [0] }
    private var devKey: [Int64] { dev.map { [0, Int64(clamping: $0)] } ?? [1] }

    /// No local version sorts first; numeric segments above alphanumeric ones; more segments win.
    private static func compareLocal(_ a: [Substring], _ b: [Substring]) -> Int {
        if a.isEmpty || b.isEmpty { return a.isEmpty == b.isEmpty ? 0 : (a.isEmpty ? -1 : 1) }
        for (x, y) in zip(a, b) {
            let xNumber = x.utf8.allSatisfy(VersionBytes.isDigit)
            let yNumber = y.utf8.allSatisfy(VersionBytes.isDigit)
            if xNumber != yNumber { return xNumber ? 1 : -1 }
            let order = xNumber ? VersionBytes.compareDigits(ArraySlice(x.utf8), ArraySlice(y.utf8))
                : (x == y ? 0 : (Array(x.utf8).lexicographicallyPrecedes(Array(y.utf8)) ? -1 : 1))
            if order != 0 { return order }
        }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
    }
}

/// A recursive-descent reader of PEP 440's grammar over lower-cased ASCII.
struct PEP440Parser {
    private let bytes: [UInt8]
    private var position = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func number() -> UInt64? {
        let start = position
        while let byte = current, VersionBytes.isDigit(byte) { position += 1 }
        guard position > start, position - start <= 18 else { return position > start ? UInt64.max : nil }
        return UInt64(String(decoding: bytes[start..<position], as: UTF8.self))
    }

    private mutating func separator() -> Bool {
        guard let byte = current, byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") else { return false }
        position += 1
        return true
    }

    /// Consumes the longest of `words` at the current position.
    private mutating func word(_ words: [String]) -> String? {
        for word in words.sorted(by: { $0.count > $1.count }) where bytes[position...].starts(with: word.utf8) {
            position += word.utf8.count
            return word
        }
        return nil
    }

    /// `[-_.]?[0-9]*` after a pre, post or dev label: both parts optional, a missing number is 0.
    private mutating func optionalNumber() -> UInt64 {
        _ = separator()
        return number() ?? 0
    }

    /// Tries `body`; on failure the position goes back.
    private mutating func attempt<T>(_ body: (inout PEP440Parser) -> T?) -> T? {
        let saved = position
        if let value = body(&self) { return value }
        position = saved
        return nil
    }

    mutating func parse() -> (UInt64, [UInt64], (kind: PEP440Version.PreRelease, number: UInt64)?, UInt64?, UInt64?, [Substring])? {
        if current == UInt8(ascii: "v") { position += 1 }
        var epoch: UInt64 = 0
        if let value = attempt({ parser -> UInt64? in
            guard let number = parser.number(), parser.current == UInt8(ascii: "!") else { return nil }
            parser.position += 1
            return number
        }) { epoch = value }
        guard let first = number() else { return nil }
        var release = [first]
        while current == UInt8(ascii: "."), position + 1 < bytes.count, VersionBytes.isDigit(bytes[position + 1]) {
            position += 1
            guard let next = number() else { return nil }
            release.append(next)
        }
        let pre = attempt { parser -> (kind: PEP440Version.PreRelease, number: UInt64)? in
            _ = parser.separator()
            guard let spelling = parser.word(["alpha", "a", "beta", "b", "preview", "pre", "c", "rc"]) else { return nil }
            let kind: PEP440Version.PreRelease = spelling.hasPrefix("a") ? .alpha : (spelling.hasPrefix("b") ? .beta : .candidate)
            return (kind, parser.optionalNumber())
        }
        let post = attempt { parser -> UInt64? in
            if parser.current == UInt8(ascii: "-"), let number = parser.attempt({ inner -> UInt64? in
                inner.position += 1
                return inner.number()
            }) { return number }
            _ = parser.separator()
            guard parser.word(["post", "rev", "r"]) != nil else { return nil }
            return parser.optionalNumber()
        }
        let dev = attempt { parser -> UInt64? in
            _ = parser.separator()
            guard parser.word(["dev"]) != nil else { return nil }
            return parser.optionalNumber()
        }
        var local: [Substring] = []
        if current == UInt8(ascii: "+") {
            position += 1
            let text = String(decoding: bytes[position...], as: UTF8.self)
            let segments = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." })
            guard !segments.isEmpty, segments.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(VersionBytes.isAlphanumeric) }) else { return nil }
            local = segments
            position = bytes.count
        }
        guard position == bytes.count else { return nil }
        return (epoch, release, pre, post, dev, local)
    }
}
