/// An OSV ecosystem (`Debian:12`, `Alpine:v3.19`, `PyPI`, …) and the version ordering it uses.
public struct Ecosystem: Sendable, Hashable, CustomStringConvertible {
    public enum Scheme: Sendable {
        case dpkg, rpm, apk, semver, pep440, maven, rubygems
    }

    /// As OSV spells it, suffix included.
    public let name: String
    /// nil for ecosystems whose ordering plimsoll does not implement yet (Packagist, Hackage, …).
    public let scheme: Scheme?

    public init(_ name: String) {
        self.name = name
        scheme = Self.scheme(base: String(name.split(separator: ":", maxSplits: 1).first ?? ""))
    }

    public var description: String { name }

    /// The part before the first `:` (`Debian` of `Debian:12`).
    public var base: String { String(name.split(separator: ":", maxSplits: 1).first ?? "") }

    private static func scheme(base: String) -> Scheme? {
        switch base {
        case "Debian", "Ubuntu": .dpkg
        case "Alpine", "Wolfi", "Chainguard": .apk
        case "Red Hat", "Rocky Linux", "AlmaLinux", "openSUSE", "SUSE", "Photon OS", "Mageia", "openEuler": .rpm
        case "npm", "Go", "crates.io", "Hex", "Pub", "NuGet": .semver
        case "PyPI": .pep440
        case "Maven": .maven
        case "RubyGems": .rubygems
        default: nil
        }
    }

    /// A version read once under the ecosystem's ordering, to be compared many times.
    public enum ParsedVersion: Sendable {
        case dpkg(DpkgVersion)
        case rpm(RPMVersion)
        /// apk-tools compares the text itself.
        case apk(String)
        case semver(SemanticVersion)
        case pep440(PEP440Version)
        case maven(MavenVersion)
        case gem(GemVersion)

        /// -1, 0 or 1; nil for versions of two different orderings.
        public func compare(_ other: ParsedVersion) -> Int? {
            switch (self, other) {
            case (.dpkg(let a), .dpkg(let b)): DpkgVersion.compare(a, b)
            case (.rpm(let a), .rpm(let b)): RPMVersion.compare(a, b)
            case (.apk(let a), .apk(let b)): ApkVersion.compare(a, b)
            case (.semver(let a), .semver(let b)): SemanticVersion.compare(a, b)
            case (.pep440(let a), .pep440(let b)): PEP440Version.compare(a, b)
            case (.maven(let a), .maven(let b)): MavenVersion.compare(a, b)
            case (.gem(let a), .gem(let b)): GemVersion.compare(a, b)
            default: nil
            }
        }
    }

    /// nil when `version` is not valid under the ecosystem's ordering (such a version never matches).
    public func parse(_ version: String) -> ParsedVersion? {
        switch scheme {
        case .dpkg: DpkgVersion(version).map(ParsedVersion.dpkg)
        case .rpm: RPMVersion(version).map(ParsedVersion.rpm)
        case .apk: ApkVersion(version) != nil ? .apk(version) : nil
        case .semver: SemanticVersion(version).map(ParsedVersion.semver)
        case .pep440: PEP440Version(version).map(ParsedVersion.pep440)
        case .maven: MavenVersion(version).map(ParsedVersion.maven)
        case .rubygems: GemVersion(version).map(ParsedVersion.gem)
        case nil: nil
        }
    }

    /// Whether `version` parses under the ecosystem's ordering; one that does not is never matched.
    public func accepts(_ version: String) -> Bool { parse(version) != nil }

    /// -1, 0 or 1 under the ecosystem's ordering; nil when either side is not a valid version.
    public func compare(_ a: String, _ b: String) -> Int? {
        guard let x = parse(a), let y = parse(b) else { return nil }
        return x.compare(y)
    }

    /// The ecosystem an installed distribution's packages belong to: `Debian:12`, `Ubuntu:22.04:LTS`,
    /// `Alpine:v3.19`, `Red Hat:enterprise_linux:9` (RHEL and UBI, whatever the repository).
    public static func distribution(id: String, versionID: String?) -> Ecosystem? {
        guard let versionID, !versionID.isEmpty else { return nil }
        let parts = versionID.split(separator: ".")
        switch id {
        case "debian": return Ecosystem("Debian:" + (parts.first.map(String.init) ?? versionID))
        case "ubuntu":
            // Even-year April releases are the long-term ones.
            let isLTS = parts.count >= 2 && parts[1] == "04" && (Int(parts[0]) ?? 1) % 2 == 0
            return Ecosystem("Ubuntu:" + versionID + (isLTS ? ":LTS" : ""))
        case "alpine": return Ecosystem("Alpine:v" + parts.prefix(2).joined(separator: "."))
        case "rhel": return Ecosystem("Red Hat:enterprise_linux:" + (parts.first.map(String.init) ?? versionID))
        case "rocky": return Ecosystem("Rocky Linux:" + (parts.first.map(String.init) ?? versionID))
        case "almalinux": return Ecosystem("AlmaLinux:" + (parts.first.map(String.init) ?? versionID))
        default: return nil
        }
    }
}
