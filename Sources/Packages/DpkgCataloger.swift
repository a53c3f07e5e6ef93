import ContainerImage

/// Debian and Ubuntu: `var/lib/dpkg/status` and distroless's `var/lib/dpkg/status.d/*`; only
/// installed packages (`Status: install ok installed`).
struct DpkgCataloger: Cataloger {
    /// Full Debian systems have status files of a few MB; 10 MB descriptions must not make it unbounded.
    var sizeLimit: Int { 32 << 20 }

    func reads(_ path: String) -> Bool {
        path == "var/lib/dpkg/status" || (path.hasPrefix("var/lib/dpkg/status.d/") && !path.hasSuffix(".md5sums"))
    }

    func catalog(_ file: CatalogFile, distribution: OSRelease?) -> ([InstalledPackage], [CatalogWarning]) {
        var packages: [InstalledPackage] = []
        var warnings: [CatalogWarning] = []
        for paragraph in ControlFields.debian(file.text) {
            guard let name = paragraph["Package"], !name.isEmpty else {
                warnings.append(CatalogWarning(path: "/" + file.path, message: "record at line \(paragraph.line) has no Package field"))
                continue
            }
            // distroless's status.d files may leave Status out: those packages are installed.
            if let status = paragraph["Status"], status.split(separator: " ").last != "installed" { continue }
            guard let version = paragraph["Version"], !version.isEmpty else {
                warnings.append(CatalogWarning(path: "/" + file.path, message: "package \(name) (line \(paragraph.line)) has no Version"))
                continue
            }
            let architecture = paragraph["Architecture"]
            var sourceName: String?
            var sourceVersion: String?
            if let source = paragraph["Source"], !source.isEmpty {
                let parts = source.split(separator: " ", maxSplits: 1)
                sourceName = String(parts[0])
                if parts.count == 2 { sourceVersion = String(parts[1].trimmingCharacters(in: "()")) }
            }
            var qualifiers = ["arch": architecture ?? ""]
            if let distribution { qualifiers["distro"] = distribution.id + "-" + (distribution.versionID ?? "") }
            if let sourceName {
                qualifiers["upstream"] = sourceName + (sourceVersion.map { "@" + $0 } ?? "")
            }
            let purl = PackageURL.make(type: "deb", namespace: distribution?.id ?? "debian", name: name, version: version, qualifiers: qualifiers)
            packages.append(InstalledPackage(type: .deb, name: name, version: version, purl: purl, locations: [file.location],
                                             architecture: architecture, sourceName: sourceName, sourceVersion: sourceVersion))
        }
        return (packages, warnings)
    }
}
