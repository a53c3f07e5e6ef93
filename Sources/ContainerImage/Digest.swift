/// A content digest such as `sha256:9f86d0…`; only SHA-256 is accepted because it is the only
/// algorithm that images use in practice and the only one plimsoll can verify.
public struct Digest: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let hex: String

    public init(parsing text: String) throws(ImageError) {
        guard text.hasPrefix("sha256:") else {
            throw .malformedDocument(what: "digest", reason: "`\(text.prefix(80))` is not a sha256 digest")
        }
        let hex = text.dropFirst("sha256:".count)
        guard hex.utf8.count == 64, hex.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
            throw .malformedDocument(what: "digest", reason: "`\(text.prefix(80))` is not 64 lowercase hex digits")
        }
        self.hex = String(hex)
    }

    init(hex: String) { self.hex = hex }

    public var description: String { "sha256:" + hex }

    public static func < (lhs: Digest, rhs: Digest) -> Bool { lhs.hex < rhs.hex }
}
