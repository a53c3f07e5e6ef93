/// The files Debian packages installed (`var/lib/dpkg/info/*.list`, and the `*.md5sums` of
/// distroless `status.d`). A Python, npm, Ruby, Java or Go package found in such a file was put
/// there by the distribution (python3-yaml brings PyYAML's METADATA), so it is the Debian package
/// that is reported and matched against Debian's advisories, not counted a second time.
enum DpkgOwnership {
    static let sizeLimit = 8 << 20

    static func reads(_ path: String) -> Bool {
        (path.hasPrefix("var/lib/dpkg/info/") && path.hasSuffix(".list"))
            || (path.hasPrefix("var/lib/dpkg/status.d/") && path.hasSuffix(".md5sums"))
    }

    /// Absolute paths owned by some Debian package: `.list` lines are absolute paths, `.md5sums`
    /// lines a checksum, two spaces and the path without its leading slash.
    static func ownedPaths(_ files: [CatalogFile]) -> Set<String> {
        var owned = Set<String>()
        for file in files where reads(file.path) {
            let checksums = file.path.hasSuffix(".md5sums")
            for line in file.content.split(separator: 0x0A) {
                if checksums {
                    guard let gap = line.firstIndex(of: 0x20) else { continue }
                    let path = line[gap...].drop { $0 == 0x20 }
                    if !path.isEmpty { owned.insert("/" + String(decoding: path, as: UTF8.self)) }
                } else if line.first == 0x2F {
                    owned.insert(String(decoding: line, as: UTF8.self))
                }
            }
        }
        return owned
    }

    /// Language packages whose every location is a file a Debian package owns are left out.
    static func removingOwned(_ packages: [InstalledPackage], owned: Set<String>) -> [InstalledPackage] {
        guard !owned.isEmpty else { return packages }
        return packages.filter { package in
            [.deb, .rpm, .apk].contains(package.type) || package.locations.isEmpty || !package.locations.allSatisfy { owned.contains($0.path) }
        }
    }
}
