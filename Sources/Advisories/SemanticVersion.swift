/// A Semantic Versioning 2.0.0 version (npm, Go modules, crates.io), read as node-semver reads it
/// loosely: an optional leading `v` or `=`, pre-release identifiers after `-`, build metadata
/// after `+` ignored for ordering.
public struct SemanticVersion: OrderedVersion, CustomStringConvertible {
    public let major: UInt64
    public let minor: UInt64
    public let patch: UInt64
    /// Dot-separated identifiers; empty for a release.
    public let prerelease: [Substring]
    public let description: String

    public init?(_ text: String) {
        var rest = Substring(text.trimmingSpaces())
        while let first = rest.first, first == "v" || first == "V" || first == "=" { rest = rest.dropFirst() }
        let buildStart = rest.firstIndex(of: "+") ?? rest.endIndex
        let core = rest[..<buildStart]
        let dash = core.firstIndex(of: "-")
        let numbers = core[..<(dash ?? core.endIndex)].split(separator: ".", omittingEmptySubsequences: false)
        guard numbers.count == 3, numbers.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(VersionBytes.isDigit) }),
              let major = UInt64(numbers[0]), let minor = UInt64(numbers[1]), let patch = UInt64(numbers[2]) else { return nil }
        var prerelease: [Substring] = []
        if let dash {
            prerelease = core[core.index(after: dash)...].split(separator: ".", omittingEmptySubsequences: false)
            guard prerelease.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { VersionBytes.isAlphanumeric($0) || $0 == UInt8(ascii: "-") } }) else {
                return nil
            }
        }
        self.major = major
        self.minor = minor
        self.patch = patch
        self.prerelease = prerelease
        description = text
    }

    public static func < (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool { compare(lhs, rhs) < 0 }
    public static func == (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool { compare(lhs, rhs) == 0 }

    public static func compare(_ a: SemanticVersion, _ b: SemanticVersion) -> Int {
        for (x, y) in [(a.major, b.major), (a.minor, b.minor), (a.patch, b.patch)] where x != y { return x < y ? -1 : 1 }
        // A release sorts after its pre-releases.
        if a.prerelease.isEmpty || b.prerelease.isEmpty {
            return a.prerelease.isEmpty == b.prerelease.isEmpty ? 0 : (a.prerelease.isEmpty ? 1 : -1)
        }
        for (x, y) in zip(a.prerelease, b.prerelease) {
            let xNumeric = x.utf8.allSatisfy(VersionBytes.isDigit)
            let yNumeric = y.utf8.allSatisfy(VersionBytes.isDigit)
            switch (xNumeric, yNumeric) {
            case (true, true):
                let order = VersionBytes.compareDigits(ArraySlice(x.utf8), ArraySlice(y.utf8))
                if order != 0 { return order }
            case (true, false): return -1
            case (false, true): return 1
            case (false, false):
                if x != y { return Array(x.utf8).lexicographicallyPrecedes(Array(y.utf8)) ? -1 : 1 }
            }
        }
        return a.prerelease.count == b.prerelease.count ? 0 : (a.prerelease.count < b.prerelease.count ? -1 : 1)
    }
}
