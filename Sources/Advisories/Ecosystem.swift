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

    /// Whether `version` parses under the ecosystem's ordering; one that does not is never matched.
    public func accepts(_ version: String) -> Bool {
        switch scheme {
        case .dpkg: DpkgVersion(version) != nil
        case .rpm: RPMVersion(version) != nil
        case .apk: ApkVersion(version) != nil
        case .semver: SemanticVersion(version) != nil
        case .pep440: PEP440Version(version) != nil
        case .maven: MavenVersion(version) != nil
        case .rubygems: GemVersion(version) != nil
        case nil: false
        }
    }

    /// -1, 0 or 1 under the ecosystem's ordering; nil when either side is not a valid version.
    public func compare(_ a: String, _ b: String) -> Int? {
        switch scheme {
        case .dpkg: DpkgVersion(a).flatMap { x in DpkgVersion(b).map { DpkgVersion.compare(x, $0) } }
        case .rpm: RPMVersion(a).flatMap { x in RPMVersion(b).map { RPMVersion.compare(x, $0) } }
        case .apk: ApkVersion(a) != nil && ApkVersion(b) != nil ? ApkVersion.compare(a, b) : nil
        case .semver: SemanticVersion(a).flatMap { x in SemanticVersion(b).map { SemanticVersion.compare(x, $0) } }
        case .pep440: PEP440Version(a).flatMap { x in PEP440Version(b).map { PEP440Version.compare(x, $0) } }
        case .maven: MavenVersion(a).flatMap { x in MavenVersion(b).map { MavenVersion.compare(x, $0) } }
        case .rubygems: GemVersion(a).flatMap { x in GemVersion(b).map { GemVersion.compare(x, $0) } }
        case nil: nil
        }
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
