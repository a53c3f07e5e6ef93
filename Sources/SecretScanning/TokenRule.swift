/// A credential with a fixed prefix and a body of known characters and length, e.g. `ghp_` + 36
/// alphanumerics. Found with a byte search for the prefix, never with a regular expression.
struct TokenRule: Sendable {
    enum Alphabet: Sendable {
        case upperDigits, alphanumeric, alphanumericUnderscore, urlSafe, base64

        func contains(_ byte: UInt8) -> Bool {
            let upper = byte >= 0x41 && byte <= 0x5A, lower = byte >= 0x61 && byte <= 0x7A, digit = byte >= 0x30 && byte <= 0x39
            switch self {
            case .upperDigits: return upper || digit
            case .alphanumeric: return upper || lower || digit
            case .alphanumericUnderscore: return upper || lower || digit || byte == 0x5F
            case .urlSafe: return upper || lower || digit || byte == 0x5F || byte == 0x2D
            case .base64: return upper || lower || digit || byte == 0x2B || byte == 0x2F || byte == 0x3D
            }
        }
    }

    var kind: SecretKind
    var prefixes: [[UInt8]]
    var alphabet: Alphabet
    var minimumLength: Int
    var maximumLength: Int

    init(_ id: String, _ title: String, prefixes: [String], alphabet: Alphabet, length: ClosedRange<Int>) {
        kind = SecretKind(id: id, title: title)
        self.prefixes = prefixes.map { Array($0.utf8) }
        self.alphabet = alphabet
        minimumLength = length.lowerBound
        maximumLength = length.upperBound
    }

    /// The token starting at `start` (where a prefix was found), or nil when the body does not fit.
    func token(in bytes: [UInt8], at start: Int, prefixLength: Int) -> Range<Int>? {
        if start > 0, TokenRule.Alphabet.alphanumericUnderscore.contains(bytes[start - 1]) { return nil }
        var end = start + prefixLength
        while end < bytes.count, end - start - prefixLength < maximumLength, alphabet.contains(bytes[end]) { end += 1 }
        let length = end - start - prefixLength
        guard length >= minimumLength else { return nil }
        // A longer run of token characters means this is part of something else.
        if end < bytes.count, length == maximumLength, alphabet.contains(bytes[end]) { return nil }
        return start..<end
    }
}
