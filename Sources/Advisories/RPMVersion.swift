/// An RPM `[epoch:]version[-release]`, ordered as rpm's rpmvercmp orders each part: alphanumeric
/// segments, digits above letters, `~` before anything (pre-releases), `^` after the end but
/// before anything else (snapshots).
public struct RPMVersion: OrderedVersion, CustomStringConvertible {
    public let epoch: Int
    public let version: [UInt8]
    public let release: [UInt8]?
    public let description: String

    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, !bytes.contains(where: { $0 == 0x20 }) else { return nil }
        var rest = bytes[...]
        var epoch = 0
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")) {
            guard let value = Int(String(decoding: bytes[..<colon], as: UTF8.self)), value >= 0 else { return nil }
            epoch = value
            rest = bytes[(colon + 1)...]
        }
        if let hyphen = rest.lastIndex(of: UInt8(ascii: "-")) {
            version = Array(rest[..<hyphen])
            release = Array(rest[(hyphen + 1)...])
        } else {
            version = Array(rest)
            release = nil
        }
        guard !version.isEmpty else { return nil }
        self.epoch = epoch
        description = text
    }

    public static func < (lhs: RPMVersion, rhs: RPMVersion) -> Bool { compare(lhs, rhs) < 0 }
    public static func == (lhs: RPMVersion, rhs: RPMVersion) -> Bool { compare(lhs, rhs) == 0 }

    /// Releases count only when both sides have one, as rpm compares a dependency without a release.
    public static func compare(_ a: RPMVersion, _ b: RPMVersion) -> Int {
        if a.epoch != b.epoch { return a.epoch < b.epoch ? -1 : 1 }
        let version = vercmp(a.version, b.version)
        guard version == 0, let left = a.release, let right = b.release else { return version }
        return vercmp(left, right)
    }

    /// rpmvercmp on two strings.
    public static func vercmp(_ a: String, _ b: String) -> Int { vercmp(Array(a.utf8), Array(b.utf8)) }

    static func vercmp(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a == b { return 0 }
        var i = 0
        var j = 0
        let tilde = UInt8(ascii: "~")
        let caret = UInt8(ascii: "^")
        while i < a.count || j < b.count {
            while i < a.count, !VersionBytes.isAlphanumeric(a[i]), a[i] != tilde, a[i] != caret { i += 1 }
            while j < b.count, !VersionBytes.isAlphanumeric(b[j]), b[j] != tilde, b[j] != caret { j += 1 }
            // Tilde: sorts before everything, the end of the string included.
            let aTilde = i < a.count && a[i] == tilde
            let bTilde = j < b.count && b[j] == tilde
            if aTilde || bTilde {
                if !aTilde { return 1 }
                if !bTilde { return -1 }
                i += 1
                j += 1
                continue
            }
            // Caret: after the end of the string, before anything else.
            let aCaret = i < a.count && a[i] == caret
            let bCaret = j < b.count && b[j] == caret
            if aCaret || bCaret {
                if i >= a.count { return -1 }
                if j >= b.count { return 1 }
                if !aCaret { return 1 }
                if !bCaret { return -1 }
                i += 1
                j += 1
                continue
            }
            guard i < a.count, j < b.count else { break }
            let numeric = VersionBytes.isDigit(a[i])
            let startA = i
            let startB = j
            if numeric {
                while i < a.count, VersionBytes.isDigit(a[i]) { i += 1 }
                while j < b.count, VersionBytes.isDigit(b[j]) { j += 1 }
            } else {
                while i < a.count, VersionBytes.isAlpha(a[i]) { i += 1 }
                while j < b.count, VersionBytes.isAlpha(b[j]) { j += 1 }
            }
            // Segments of different types: a numeric one is newer.
            if startB == j { return numeric ? 1 : -1 }
            let order = numeric
                ? VersionBytes.compareDigits(a[startA..<i], b[startB..<j])
                : (a[startA..<i].lexicographicallyPrecedes(b[startB..<j]) ? -1 : (a[startA..<i].elementsEqual(b[startB..<j]) ? 0 : 1))
            if order != 0 { return order }
        }
        if i >= a.count, j >= b.count { return 0 }
        return i >= a.count ? -1 : 1
    }
}
