import ContainerImage

/// Alpine: `lib/apk/db/installed` (and `usr/lib/apk/db/installed` on newer apk-tools).
struct ApkCataloger: Cataloger {
    var sizeLimit: Int { 32 << 20 }

    func reads(_ path: String) -> Bool { path == "lib/apk/db/installed" || path == "usr/lib/apk/db/installed" }

    func catalog(_ file: CatalogFile, distribution: OSRelease?) -> ([InstalledPackage], [CatalogWarning]) {
        var packages: [InstalledPackage] = []
        var warnings: [CatalogWarning] = []
        for record in ControlFields.apk(file.text) {
            guard let name = record["P"], !name.isEmpty, let version = record["V"], !version.isEmpty else {
                warnings.append(CatalogWarning(path: "/" + file.path, message: "record at line \(record.line) has no P: name or V: version"))
                continue
            }
            let origin = record["o"]
            var qualifiers = ["arch": record["A"] ?? "", "upstream": origin ?? ""]
            if let distribution { qualifiers["distro"] = distribution.id + "-" + (distribution.versionID ?? "") }
            let purl = PackageURL.make(type: "apk", namespace: distribution?.id ?? "alpine", name: name, version: version, qualifiers: qualifiers)
            let licenses = record["L"].map { $0.split(separator: " ").map(String.init) } ?? []
            packages.append(InstalledPackage(type: .apk, name: name, version: version, purl: purl, locations: [file.location],
                                             licenses: licenses, architecture: record["A"], sourceName: origin))
        }
        return (packages, warnings)
    }
}
