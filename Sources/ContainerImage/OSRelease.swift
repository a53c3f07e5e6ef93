/// The distribution an image is built on, from `/etc/os-release` (or `/usr/lib/os-release`), with
/// the older release files as fallbacks.
public struct OSRelease: Sendable, Equatable {
    /// `debian`, `ubuntu`, `alpine`, `rhel`, …
    public var id: String
    public var versionID: String?
    public var codename: String?
    /// Families this one is like (`ID_LIKE`), so `rocky` reads as `rhel fedora`.
    public var like: [String]

    public init(id: String, versionID: String? = nil, codename: String? = nil, like: [String] = []) {
        self.id = id
        self.versionID = versionID
        self.codename = codename
        self.like = like
    }

    /// Parses os-release's `KEY=value` lines (values optionally quoted).
    public init?(osRelease bytes: [UInt8]) {
        var fields: [String: String] = [:]
        for line in String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            guard let equals = line.firstIndex(of: "="), !line.hasPrefix("#") else { continue }
            var value = line[line.index(after: equals)...]
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = value.dropFirst().dropLast()
            }
            fields[String(line[..<equals])] = String(value)
        }
        guard let id = fields["ID"]?.lowercased(), !id.isEmpty else { return nil }
        self.init(id: id, versionID: fields["VERSION_ID"], codename: fields["VERSION_CODENAME"],
                  like: (fields["ID_LIKE"] ?? "").lowercased().split(separator: " ").map(String.init))
    }

    /// Every file `detect` may read: what a layer pass must capture for it.
    public static let paths: Set<String> = ["etc/os-release", "usr/lib/os-release", "etc/alpine-release", "etc/debian_version", "etc/redhat-release"]

    /// From the first release file the image has: `os-release`, then `alpine-release`, `debian_version`, `redhat-release`.
    public static func detect(_ content: (String) -> [UInt8]?) -> OSRelease? {
        for path in ["etc/os-release", "usr/lib/os-release"] {
            if let bytes = content(path), let release = OSRelease(osRelease: bytes) { return release }
        }
        func firstLine(_ path: String) -> String? {
            content(path).map { String(decoding: $0, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "" }
        }
        if let version = firstLine("etc/alpine-release") { return OSRelease(id: "alpine", versionID: version) }
        if let version = firstLine("etc/debian_version") { return OSRelease(id: "debian", versionID: version) }
        if let line = firstLine("etc/redhat-release") {
            let version = line.split(separator: " ").first { $0.first?.isNumber == true }.map(String.init)
            return OSRelease(id: line.lowercased().hasPrefix("centos") ? "centos" : "rhel", versionID: version)
        }
        return nil
    }

    /// Whether the distribution is `family` or derived from it.
    public func isLike(_ family: String) -> Bool { id == family || like.contains(family) }
}
