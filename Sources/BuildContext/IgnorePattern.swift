import HostSystem
import DockerfileSyntax

/// Why a `.dockerignore` pattern cannot be used.
public struct IgnorePatternError: Error, Sendable, Equatable, CustomStringConvertible {
    public var pattern: String
    public var reason: String
    /// 1-based line in the ignore file, when the pattern came from one.
    public var line: Int?

    public var description: String {
        (line.map { "line \($0): " } ?? "") + "invalid pattern \(GoQuote.quote(pattern)): \(reason)"
    }
}

/// One compiled `.dockerignore` pattern, with moby/patternmatcher's semantics: `*` and `?` stay
/// within one path component, `**` spans any number of them (none included), `[…]` is a
/// character class, `\` escapes, and every other character is literal.
public struct IgnorePattern: Sendable, Hashable {
    /// The cleaned pattern, without a leading `!`.
    public let text: String
    /// A `!` pattern, which re-includes what earlier patterns excluded.
    public let isException: Bool
    let kind: Kind

    enum Kind: Sendable, Hashable {
        case exact([UInt8])
        /// `dir/**`: everything under `dir/`.
        case prefix([UInt8])
        /// `**/name` or `**name`: anything ending so (and `name` itself for `**/name`).
        case suffix([UInt8])
        case tokens(TokenProgram)
    }

    /// Tokens plus the literal text every match must start and end with, checked first so most
    /// paths are rejected without running the matcher.
    struct TokenProgram: Sendable, Hashable {
        var tokens: [Token]
        var requiredPrefix: [UInt8]
        var requiredSuffix: [UInt8]

        init(_ tokens: [Token]) {
            self.tokens = tokens
            func literal(_ token: Token) -> UInt8? {
                if case .byte(let byte) = token { return byte }
                return nil
            }
            requiredPrefix = Array(tokens.prefix { literal($0) != nil }.compactMap(literal))
            requiredSuffix = tokens.count == requiredPrefix.count ? [] : Array(tokens.reversed().prefix { literal($0) != nil }.compactMap(literal).reversed())
        }
    }

    enum Token: Sendable, Hashable {
        case byte(UInt8)
        /// `*`: any run of characters other than `/`.
        case star
        /// `?`: one character other than `/`.
        case one
        /// `**/` (or `**` mid-pattern): any number of leading directories, none included.
        case directories
        /// `**` at the end after other wildcards: anything.
        case anything
        case characterClass(CharacterClass)
    }

    struct CharacterClass: Sendable, Hashable {
        var ranges: [ClosedRange<UInt32>]
        var negated: Bool

        func contains(_ scalar: UInt32) -> Bool {
            ranges.contains { $0.contains(scalar) } != negated
        }
    }

    /// Compiles one pattern as `patternmatcher.New` does; throws for `!` alone and malformed classes or escapes.
    public init(_ raw: String, line: Int? = nil) throws(IgnorePatternError) {
        var pattern = raw.trimmingWhitespace()
        let isException = pattern.hasPrefix("!")
        if isException {
            pattern.removeFirst()
            guard !pattern.isEmpty else { throw IgnorePatternError(pattern: raw, reason: "illegal exclusion pattern: \"!\"", line: line) }
        }
        pattern = PathCleaner.clean(pattern)
        // Paths are at most PATH_MAX bytes; a longer pattern cannot match and would only cost time per path.
        guard pattern.utf8.count <= 4096 else {
            throw IgnorePatternError(pattern: String(raw.prefix(40)) + "…", reason: "longer than 4096 bytes, more than any path", line: line)
        }
        self.text = pattern
        self.isException = isException
        do {
            self.kind = try Self.compile(Array(pattern.utf8))
        } catch {
            throw IgnorePatternError(pattern: raw, reason: error.reason, line: line)
        }
    }

    struct CompileError: Error {
        var reason: String
    }

    private static func compile(_ pattern: [UInt8]) throws(CompileError) -> Kind {
        enum Flavour { case exact, prefix, suffix, regular }
        var tokens: [Token] = []
        var flavour = Flavour.exact
        var index = 0
        while index < pattern.count {
            let byte = pattern[index]
            let atStart = index == 0
            index += 1
            switch byte {
            case UInt8(ascii: "*"):
                guard index < pattern.count, pattern[index] == UInt8(ascii: "*") else {
                    tokens.append(.star)
                    flavour = .regular
                    continue
                }
                index += 1
                if index < pattern.count, pattern[index] == UInt8(ascii: "/") { index += 1 }
                if index == pattern.count {
                    if flavour == .exact { flavour = .prefix } else { tokens.append(.anything); flavour = .regular }
                } else {
                    tokens.append(.directories)
                    flavour = .regular
                }
                if atStart { flavour = .suffix }
            case UInt8(ascii: "?"):
                tokens.append(.one)
                flavour = .regular
            case UInt8(ascii: "\\"):
                guard index < pattern.count else { throw CompileError(reason: "trailing backslash escapes nothing") }
                tokens.append(.byte(pattern[index]))
                index += 1
                flavour = .regular
            case UInt8(ascii: "["):
                let (characterClass, next) = try readClass(pattern, from: index)
                tokens.append(.characterClass(characterClass))
                index = next
                flavour = .regular
            case UInt8(ascii: "]"):
                throw CompileError(reason: "unmatched ']'")
            default:
                tokens.append(.byte(byte))
            }
        }
        switch flavour {
        case .exact: return .exact(pattern)
        case .prefix: return .prefix(Array(pattern.dropLast(2)))
        case .suffix: return .suffix(Array(pattern.dropFirst(2)))
        case .regular: return .tokens(TokenProgram(tokens))
        }
    }

    /// Go's `filepath.Match` class syntax: `[` `^`? (char | char-char)+ `]`, `\` escaping, and
    /// (as Go's regexp requires) ranges in ascending order.
    private static func readClass(_ pattern: [UInt8], from start: Int) throws(CompileError) -> (CharacterClass, Int) {
        var index = start
        var negated = false
        if index < pattern.count, pattern[index] == UInt8(ascii: "^") {
            negated = true
            index += 1
        }
        var ranges: [ClosedRange<UInt32>] = []
        func character() throws(CompileError) -> UInt32 {
            guard index < pattern.count, pattern[index] != UInt8(ascii: "-"), pattern[index] != UInt8(ascii: "]") else {
                throw CompileError(reason: "malformed character class")
            }
            if pattern[index] == UInt8(ascii: "\\") { index += 1 }
            guard index < pattern.count else { throw CompileError(reason: "malformed character class") }
            let (scalar, length) = UTF8Scalar.decode(pattern, at: index)
            index += length
            guard index < pattern.count else { throw CompileError(reason: "unterminated character class") }
            return scalar
        }
        while true {
            if index < pattern.count, pattern[index] == UInt8(ascii: "]"), !ranges.isEmpty {
                return (CharacterClass(ranges: ranges, negated: negated), index + 1)
            }
            let low = try character()
            var high = low
            if pattern[index] == UInt8(ascii: "-") {
                index += 1
                high = try character()
            }
            guard low <= high else { throw CompileError(reason: "invalid character class range") }
            ranges.append(low...high)
        }
    }

    /// Whether the slash-separated relative `path` matches this pattern (not its parents).
    public func matches(_ path: [UInt8]) -> Bool {
        switch kind {
        case .exact(let literal):
            return path == literal
        case .prefix(let prefix):
            return path.starts(with: prefix)
        case .suffix(let suffix):
            if path.count >= suffix.count, path[(path.count - suffix.count)...].elementsEqual(suffix) { return true }
            return suffix.first == UInt8(ascii: "/") && path.elementsEqual(suffix.dropFirst())
        case .tokens(let program):
            guard path.count >= program.requiredPrefix.count + program.requiredSuffix.count,
                  path.starts(with: program.requiredPrefix),
                  path[(path.count - program.requiredSuffix.count)...].elementsEqual(program.requiredSuffix) else { return false }
            return Self.match(program.tokens, path)
        }
    }

    public func matches(_ path: String) -> Bool { matches(Array(path.utf8)) }

    /// Right-to-left dynamic programming over (token, position): linear in pattern × path, never exponential.
    private static func match(_ tokens: [Token], _ path: [UInt8]) -> Bool {
        let count = path.count
        // `next[p]`: tokens after the current one match path[p...].
        var next = [Bool](repeating: false, count: count + 1)
        next[count] = true
        var current = [Bool](repeating: false, count: count + 1)
        for token in tokens.reversed() {
            switch token {
            case .byte(let byte):
                for position in 0...count {
                    current[position] = position < count && path[position] == byte && next[position + 1]
                }
            case .star:
                current[count] = next[count]
                for position in stride(from: count - 1, through: 0, by: -1) {
                    current[position] = next[position] || (path[position] != UInt8(ascii: "/") && current[position + 1])
                }
            case .one, .characterClass:
                for position in 0...count {
                    guard position < count, path[position] & 0xC0 != 0x80 else { current[position] = false; continue }
                    let (scalar, length) = UTF8Scalar.decode(path, at: position)
                    let accepted: Bool
                    if case .characterClass(let characterClass) = token {
                        accepted = characterClass.contains(scalar)
                    } else {
                        accepted = scalar != UInt32(UInt8(ascii: "/"))
                    }
                    current[position] = accepted && next[position + length]
                }
            case .directories:
                // (.*/)? — nothing, or anything that ends with a slash.
                var slashAhead = false
                for position in stride(from: count, through: 0, by: -1) {
                    if position < count, path[position] == UInt8(ascii: "/"), next[position + 1] { slashAhead = true }
                    current[position] = next[position] || slashAhead
                }
            case .anything:
                var any = false
                for position in stride(from: count, through: 0, by: -1) {
                    any = any || next[position]
                    current[position] = any
                }
            }
            swap(&next, &current)
        }
        return next[0]
    }
}

/// Decodes one UTF-8 scalar; an invalid byte stands for itself, as Go's regexp treats it as one rune.
enum UTF8Scalar {
    static func decode(_ bytes: [UInt8], at index: Int) -> (UInt32, Int) {
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0..<0x80: return (UInt32(lead), 1)
        case 0xC2..<0xE0: length = 2
        case 0xE0..<0xF0: length = 3
        case 0xF0..<0xF5: length = 4
        default: return (0xFFFD, 1)
        }
        guard index + length <= bytes.count else { return (0xFFFD, 1) }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return (0xFFFD, 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (value, length)
    }
}
