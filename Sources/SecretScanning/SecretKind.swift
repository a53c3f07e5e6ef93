/// A kind of credential the scanner recognises in file contents.
public struct SecretKind: Sendable, Hashable {
    public var id: String
    public var title: String

    public init(id: String, title: String) {
        self.id = id
        self.title = title
    }
}

/// One credential found in a file; the value is never kept, only its masked form.
public struct SecretMatch: Sendable, Hashable {
    public var kind: SecretKind
    /// 1-based line of the match.
    public var line: Int
    /// First four characters and the length, e.g. `AKIA… (20 characters)`.
    public var masked: String
    /// Where the value is in the scanned bytes, so callers can redact it; nil for matches that name a block (a key file).
    public var range: Range<Int>?

    public init(kind: SecretKind, line: Int, masked: String, range: Range<Int>? = nil) {
        self.kind = kind
        self.line = line
        self.masked = masked
        self.range = range
    }

    public static func mask(_ value: [UInt8]) -> String {
        let shown = String(decoding: value.prefix(4), as: UTF8.self)
        return "\(shown)… (\(value.count) characters)"
    }
}
