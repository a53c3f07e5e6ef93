/// How a layer blob is compressed, from its first bytes.
public enum Compression: String, Sendable {
    case none
    case gzip
    case zstd

    /// Only the magic bytes count: tools mislabel layer media types often enough, and a tar never starts with either magic.
    static func detect(prefix: [UInt8]) -> Compression {
        if prefix.count >= 2, prefix[0] == 0x1F, prefix[1] == 0x8B { return .gzip }
        if prefix.count >= 4, prefix[0...3] == [0x28, 0xB5, 0x2F, 0xFD] { return .zstd }
        return .none
    }
}
