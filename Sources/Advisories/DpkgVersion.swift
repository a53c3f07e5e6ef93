/// A Debian package version, `[epoch:]upstream[-revision]`, ordered as dpkg orders it
/// (lib/dpkg/version.c: `~` sorts before everything, even the end of the string; letters before
/// other characters; digit runs numerically).
public struct DpkgVersion: OrderedVersion, CustomStringConvertible {
    public let epoch: Int
    public let upstream: [UInt8]
    public let revision: [UInt8]
    public let description: String

    public init?(_ text: String) {
        let trimmed = text.trimmingSpaces()
        let bytes = Array(trimmed.utf8)
        guard !bytes.isEmpty, !bytes.contains(where: { $0 == 0x20 || $0 == 0x09 }) else { return nil }
        var rest = bytes[...]
        var epoch = 0
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")) {
            let digits = bytes[..<colon]
            guard !digits.isEmpty, digits.allSatisfy(VersionBytes.isDigit), digits.count < 10, let value = Int(String(decoding: digits, as: UTF8.self)) else {
                return nil
            }
            epoch = value
            rest = bytes[(colon + 1)...]
        }
        var upstream = rest
        var revision: ArraySlice<UInt8> = []
        if let hyphen = rest.lastIndex(of: UInt8(ascii: "-")) {
            upstream = rest[..<hyphen]
            revision = rest[(hyphen + 1)...]
            guard !revision.isEmpty else { return nil }
        }
        guard let first = upstream.first, VersionBytes.isDigit(first) else { return nil }
        let allowedUpstream: (UInt8) -> Bool = { VersionBytes.isAlphanumeric($0) || ".+-~:".utf8.contains($0) }
        let allowedRevision: (UInt8) -> Bool = { VersionBytes.isAlphanumeric($0) || ".+~".utf8.contains($0) }
        guard upstream.allSatisfy(allowedUpstream), revision.allSatisfy(allowedRevision) else { return nil }
        self.epoch = epoch
        self.upstream = Array(upstream)
        self.revision = Array(revision)
        description = trimmed
    }

    public static func < (lhs: DpkgVersion, rhs: DpkgVersion) -> Bool { compare(lhs, rhs) < 0 }
    public static func == (lhs: DpkgVersion, rhs: DpkgVersion) -> Bool { compare(lhs, rhs) == 0 }

    public static func compare(_ a: DpkgVersion, _ b: DpkgVersion) -> Int {
        if a.epoch != b.epoch { return a.epoch < b.epoch ? -1 : 1 }
        let upstream = compareParts(a.upstream, b.upstream)
        return upstream != 0 ? upstream : compareParts(a.revision, b.revision)
    }

    /// The weight of a non-digit byte: `~` lowest, the end next, letters, then everything else.
    private static func order(_ byte: UInt8?) -> Int {
        guard let byte else { return 0 }
        if VersionBytes.isDigit(byte) { return 0 }
        if VersionBytes.isAlpha(byte) { return Int(byte) }
        if byte == UInt8(ascii: "~") { return -1 }
        return Int(byte) + 256
    }

    private static func compareParts(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            while (i < a.count && !VersionBytes.isDigit(a[i])) || (j < b.count && !VersionBytes.isDigit(b[j])) {
                let x = order(i < a.count ? a[i] : nil)
                let y = order(j < b.count ? b[j] : nil)
                if x != y { return x < y ? -1 : 1 }
                i += 1
                j += 1
            }
            let startA = i
            while i < a.count, VersionBytes.isDigit(a[i]) { i += 1 }
            let startB = j
            while j < b.count, VersionBytes.isDigit(b[j]) { j += 1 }
            let digits = VersionBytes.compareDigits(a[startA..<min(i, a.count)], b[startB..<min(j, b.count)])
            if digits != 0 { return digits }
        }
        return 0
    }
}
