/// BuildKit's word expansion (`frontend/dockerfile/shell`): quotes removed, `$VAR`, `${VAR}`,
/// `${VAR:-default}`, `${VAR-default}`, `${VAR:+alt}`, `${VAR+alt}`, `${VAR:?err}`,
/// `${VAR#glob}`, `${VAR##glob}`, `${VAR%glob}`, `${VAR%%glob}`; the escape token escapes.
public struct VariableExpander: Sendable {
    public var escapeToken: UInt8

    public init(escapeToken: UInt8 = UInt8(ascii: "\\")) {
        self.escapeToken = escapeToken
    }

    public struct Result: Sendable, Equatable {
        public var value: String
        /// Names that were referenced but not set.
        public var unset: [String]
    }

    public func expand(_ word: String, variables: [String: String]) -> Result {
        var state = State(bytes: Array(word.utf8), escapeToken: escapeToken, variables: variables)
        let output = state.word(until: nil)
        return Result(value: String(decoding: output, as: UTF8.self), unset: state.unset)
    }

    private struct State {
        let bytes: [UInt8]
        let escapeToken: UInt8
        let variables: [String: String]
        var index = 0
        var unset: [String] = []
        /// `${…}` nesting; past the limit the rest is kept verbatim instead of recursing further.
        var depth = 0
        static let maximumDepth = 64

        init(bytes: [UInt8], escapeToken: UInt8, variables: [String: String]) {
            self.bytes = bytes
            self.escapeToken = escapeToken
            self.variables = variables
        }

        /// Reads until `terminator` (unquoted, for `${…}` words) or the end.
        mutating func word(until terminator: UInt8?) -> [UInt8] {
            var output: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                if let terminator, byte == terminator { return output }
                switch byte {
                case UInt8(ascii: "'"):
                    index += 1
                    while index < bytes.count, bytes[index] != UInt8(ascii: "'") {
                        output.append(bytes[index])
                        index += 1
                    }
                    index += 1
                case UInt8(ascii: "\""):
                    index += 1
                    while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                        let inner = bytes[index]
                        if inner == escapeToken, index + 1 < bytes.count,
                           [UInt8(ascii: "\""), UInt8(ascii: "$"), escapeToken].contains(bytes[index + 1]) {
                            output.append(bytes[index + 1])
                            index += 2
                        } else if inner == UInt8(ascii: "$") {
                            output.append(contentsOf: variable())
                        } else {
                            output.append(inner)
                            index += 1
                        }
                    }
                    index += 1
                case UInt8(ascii: "$"):
                    output.append(contentsOf: variable())
                default:
                    if byte == escapeToken {
                        index += 1
                        if index < bytes.count {
                            output.append(bytes[index])
                            index += 1
                        }
                    } else {
                        output.append(byte)
                        index += 1
                    }
                }
            }
            return output
        }

        private static func isNameByte(_ byte: UInt8) -> Bool {
            (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
                || byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") || byte == UInt8(ascii: "_")
        }

        private mutating func resolve(_ name: String) -> String? {
            let value = variables[name]
            if value == nil { unset.append(name) }
            return value
        }

        /// At `$`: returns the expansion and moves past it.
        private mutating func variable() -> [UInt8] {
            index += 1
            guard index < bytes.count else { return [UInt8(ascii: "$")] }
            if bytes[index] != UInt8(ascii: "{") {
                let start = index
                if bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                    index += 1  // positional parameters are one digit: `$1x` is `$1` then `x`
                } else {
                    while index < bytes.count, Self.isNameByte(bytes[index]) { index += 1 }
                }
                guard index > start else { return [UInt8(ascii: "$")] }
                return Array((resolve(String(decoding: bytes[start..<index], as: UTF8.self)) ?? "").utf8)
            }
            guard depth < Self.maximumDepth else {
                let rest = Array(bytes[(index - 1)...])
                index = bytes.count
                return rest
            }
            index += 1
            let nameStart = index
            while index < bytes.count, Self.isNameByte(bytes[index]) { index += 1 }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
            guard index < bytes.count else { return Array("${\(name)".utf8) }
            let value = variables[name]
            var operation: [UInt8] = []
            while index < bytes.count, [UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "?"),
                                        UInt8(ascii: "#"), UInt8(ascii: "%")].contains(bytes[index]), operation.count < 2 {
                // `:-` and `##` are two bytes; `-` after `#` starts the pattern, not a second operator.
                if !operation.isEmpty, operation[0] != UInt8(ascii: ":"), bytes[index] != operation[0] { break }
                operation.append(bytes[index])
                index += 1
            }
            depth += 1
            let argument = word(until: UInt8(ascii: "}"))
            depth -= 1
            if index < bytes.count { index += 1 }
            let current = value.map { Array($0.utf8) }
            switch operation {
            case []:
                if value == nil { unset.append(name) }
                return current ?? []
            case [UInt8(ascii: ":"), UInt8(ascii: "-")]: return (current?.isEmpty ?? true) ? argument : current!
            case [UInt8(ascii: "-")]: return current ?? argument
            case [UInt8(ascii: ":"), UInt8(ascii: "+")]: return (current?.isEmpty ?? true) ? [] : argument
            case [UInt8(ascii: "+")]: return current == nil ? [] : argument
            case [UInt8(ascii: ":"), UInt8(ascii: "?")], [UInt8(ascii: "?")]:
                if value == nil { unset.append(name) }
                return current ?? []
            case [UInt8(ascii: "#")], [UInt8(ascii: "#"), UInt8(ascii: "#")]:
                guard let current else { unset.append(name); return [] }
                return GlobTrim.prefix(current, pattern: argument, longest: operation.count == 2)
            case [UInt8(ascii: "%")], [UInt8(ascii: "%"), UInt8(ascii: "%")]:
                guard let current else { unset.append(name); return [] }
                return GlobTrim.suffix(current, pattern: argument, longest: operation.count == 2)
            default:
                return current ?? []
            }
        }
    }
}

/// Shell-style `${VAR#pattern}` trimming with `*` and `?` wildcards. Trying every cut is quadratic,
/// so values longer than `limit` are left as they are rather than stalling on hostile input.
enum GlobTrim {
    static let limit = 4 * 1024

    static func prefix(_ value: [UInt8], pattern: [UInt8], longest: Bool) -> [UInt8] {
        guard value.count <= limit else { return value }
        let lengths = Array(0...value.count)
        for length in longest ? lengths.reversed() : lengths where matches(Array(value[..<length]), pattern) {
            return Array(value[length...])
        }
        return value
    }

    static func suffix(_ value: [UInt8], pattern: [UInt8], longest: Bool) -> [UInt8] {
        guard value.count <= limit else { return value }
        let starts = Array(0...value.count)
        for start in longest ? starts : starts.reversed() where matches(Array(value[start...]), pattern) {
            return Array(value[..<start])
        }
        return value
    }

    /// Iterative glob match with single-star backtracking: linear in practice, never exponential.
    static func matches(_ text: [UInt8], _ pattern: [UInt8]) -> Bool {
        var textIndex = 0, patternIndex = 0
        var starPattern = -1, starText = 0
        while textIndex < text.count {
            if patternIndex < pattern.count, pattern[patternIndex] == UInt8(ascii: "?") || pattern[patternIndex] == text[textIndex] {
                textIndex += 1
                patternIndex += 1
            } else if patternIndex < pattern.count, pattern[patternIndex] == UInt8(ascii: "*") {
                starPattern = patternIndex
                starText = textIndex
                patternIndex += 1
            } else if starPattern >= 0 {
                patternIndex = starPattern + 1
                starText += 1
                textIndex = starText
            } else {
                return false
            }
        }
        while patternIndex < pattern.count, pattern[patternIndex] == UInt8(ascii: "*") { patternIndex += 1 }
        return patternIndex == pattern.count
    }
}
