/// A version that can be ordered the way its ecosystem's own tool orders it.
public protocol OrderedVersion: Sendable, Comparable {
    /// nil when the text is not a valid version of the scheme.
    init?(_ text: String)
}

/// Byte-level helpers the version algorithms share: they are defined on ASCII bytes, as their C originals.
enum VersionBytes {
    static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    static func isAlpha(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
    static func isAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || isAlpha(byte) }

    /// Compares two runs of digits numerically, without limits on their length.
    static func compareDigits(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Int {
        let a = a.drop { $0 == 0x30 }
        let b = b.drop { $0 == 0x30 }
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        for (x, y) in zip(a, b) where x != y { return x < y ? -1 : 1 }
        return 0
    }
}
