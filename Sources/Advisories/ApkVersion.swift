/// An Alpine package version, `digit{.digit}...{letter}{_suffix{number}}...{~hash}{-r#}`, ordered
/// as apk-tools orders it: token by token, where a token's kind must not go backwards, pre-release
/// suffixes (`_alpha`, `_beta`, `_pre`, `_rc`) sort before the plain version and post-release ones
/// (`_cvs`, `_svn`, `_git`, `_hg`, `_p`) after, and a digit group with a leading zero compares as text.
public struct ApkVersion: OrderedVersion, CustomStringConvertible {
    let bytes: [UInt8]
    public let description: String

    public init?(_ text: String) {
        bytes = Array(text.utf8)
        description = text
        guard Self.isValid(bytes) else { return nil }
    }

    public static func < (lhs: ApkVersion, rhs: ApkVersion) -> Bool { compare(lhs.bytes, rhs.bytes) < 0 }
    public static func == (lhs: ApkVersion, rhs: ApkVersion) -> Bool { compare(lhs.bytes, rhs.bytes) == 0 }

    /// Kinds in the order a version may use them.
    enum Kind: Int, Comparable {
        case initialDigit, digit, letter, suffix, suffixNumber, commitHash, revision, end, invalid
        static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Suffix ranks: below `none` pre-releases, above it post-releases.
    static let suffixes: [String: Int] = ["alpha": 1, "beta": 2, "pre": 3, "rc": 4, "cvs": 6, "svn": 7, "git": 8, "hg": 9, "p": 10]
    static let noSuffix = 5

    struct Token {
        var kind: Kind
        var suffix = 0
        var number: UInt64 = 0
        var value: ArraySlice<UInt8> = []
    }

    /// Walks a version's tokens.
    struct Tokenizer {
        var rest: ArraySlice<UInt8>
        var token = Token(kind: .initialDigit)

        init(_ bytes: [UInt8]) {
            rest = bytes[...]
            parseDigits()
        }

        mutating func parseDigits() {
            let digits = rest.prefix { VersionBytes.isDigit($0) }
            token.value = digits
            token.number = digits.reduce(UInt64(0)) { $0 &* 10 &+ UInt64($1 - 0x30) }
            rest = rest.dropFirst(digits.count)
            if digits.isEmpty { token.kind = .invalid }
        }

        mutating func advance() {
            guard let first = rest.first else {
                token.kind = .end
                return
            }
            switch first {
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard token.kind <= .digit else { return invalidate() }
                token.value = rest.prefix(1)
                token.kind = .letter
                rest = rest.dropFirst()
            case UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"):
                if first == UInt8(ascii: ".") {
                    guard token.kind <= .digit else { return invalidate() }
                    rest = rest.dropFirst()
                }
                switch token.kind {
                case .initialDigit, .digit: token.kind = .digit
                case .suffix: token.kind = .suffixNumber
                default: return invalidate()
                }
                parseDigits()
            case UInt8(ascii: "_"):
                guard token.kind <= .suffixNumber else { return invalidate() }
                rest = rest.dropFirst()
                let name = rest.prefix { (0x61...0x7A).contains($0) }
                rest = rest.dropFirst(name.count)
                guard let rank = ApkVersion.suffixes[String(decoding: name, as: UTF8.self)] else { return invalidate() }
                token.value = name
                token.suffix = rank
                token.kind = .suffix
            case UInt8(ascii: "~"):
                guard token.kind < .commitHash else { return invalidate() }
                rest = rest.dropFirst()
                let hash = rest.prefix { VersionBytes.isDigit($0) || (0x61...0x66).contains($0) || (0x41...0x46).contains($0) }
                rest = rest.dropFirst(hash.count)
                guard !hash.isEmpty else { return invalidate() }
                token.value = hash
                token.kind = .commitHash
            case UInt8(ascii: "-"):
                guard token.kind < .revision, rest.count >= 2, rest[rest.startIndex + 1] == UInt8(ascii: "r") else { return invalidate() }
                rest = rest.dropFirst(2)
                token.kind = .revision
                parseDigits()
            default:
                invalidate()
            }
        }

        mutating func invalidate() { token.kind = .invalid }
    }

    static func isValid(_ bytes: [UInt8]) -> Bool {
        var tokens = Tokenizer(bytes)
        while tokens.token.kind < .end { tokens.advance() }
        return tokens.token.kind == .end
    }

    /// -1, 0 or 1; with `fuzzy`, a version that `b` is a prefix of counts as equal (apk's `~`).
    public static func compare(_ a: String, _ b: String, fuzzy: Bool = false) -> Int {
        compare(Array(a.utf8), Array(b.utf8), fuzzy: fuzzy)
    }

    static func compare(_ a: [UInt8], _ b: [UInt8], fuzzy: Bool = false) -> Int {
        var left = Tokenizer(a)
        var right = Tokenizer(b)
        while left.token.kind == right.token.kind, left.token.kind < .end {
            let order = compareTokens(left.token, right.token)
            if order != 0 { return order }
            left.advance()
            right.advance()
        }
        let x = left.token
        let y = right.token
        if x.kind == y.kind { return 0 }
        if y.kind == .end, fuzzy { return 0 }
        // Equal so far: the longer version is newer, unless what it has more of is a pre-release suffix.
        if x.kind == .suffix, x.suffix < noSuffix { return -1 }
        if y.kind == .suffix, y.suffix < noSuffix { return 1 }
        return x.kind > y.kind ? -1 : 1
    }

    private static func compareTokens(_ x: Token, _ y: Token) -> Int {
        let numeric: (UInt64, UInt64) -> Int = { $0 < $1 ? -1 : ($0 > $1 ? 1 : 0) }
        switch x.kind {
        case .digit where x.value.first == UInt8(ascii: "0") || y.value.first == UInt8(ascii: "0"):
            return textOrder(x.value, y.value)
        case .initialDigit, .digit, .suffixNumber, .revision:
            return numeric(x.number, y.number)
        case .letter:
            return numeric(UInt64(x.value.first ?? 0), UInt64(y.value.first ?? 0))
        case .suffix:
            return numeric(UInt64(x.suffix), UInt64(y.suffix))
        default:
            return textOrder(x.value, y.value)
        }
    }

    /// Byte order, then length.
    private static func textOrder(_ x: ArraySlice<UInt8>, _ y: ArraySlice<UInt8>) -> Int {
        for (p, q) in zip(x, y) where p != q { return p < q ? -1 : 1 }
        return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
    }
}
