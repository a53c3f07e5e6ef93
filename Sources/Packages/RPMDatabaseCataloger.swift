import ContainerImage

/// The rpm database, in any of its formats: SQLite (`rpmdb.sqlite`: Fedora, RHEL/UBI/Rocky/Alma
/// 9, Amazon Linux 2023), Berkeley DB (`Packages`: CentOS 7, RHEL/UBI 8, Amazon Linux 2) or NDB
/// (`Packages.db`: openSUSE and SLES 15 SP3 and later). All hold one rpm header per installed
/// package; each is read from memory, never written anywhere.
struct RPMDatabaseCataloger: Cataloger {
    var sizeLimit: Int { 48 << 20 }

    static let directories = ["var/lib/rpm/", "usr/lib/sysimage/rpm/"]

    func reads(_ path: String) -> Bool {
        Self.directories.contains { directory in Format.allCases.contains { path == directory + $0.rawValue } }
    }

    enum Format: String, CaseIterable {
        case sqlite = "rpmdb.sqlite"
        case berkeley = "Packages"
        case ndb = "Packages.db"

        func headerBlobs(_ content: [UInt8]) -> [[UInt8]]? {
            switch self {
            case .sqlite: RPMSQLiteDatabase.headerBlobs(content)
            case .berkeley: BerkeleyHashDatabase.values(content)
            case .ndb: NDBPackageDatabase.headerBlobs(content)
            }
        }

        var unreadable: String {
            switch self {
            case .sqlite: "not a readable rpm SQLite database"
            case .berkeley: "not a readable Berkeley DB hash database"
            case .ndb: "not a readable rpm NDB database"
            }
        }
    }

    func catalog(_ file: CatalogFile, distribution: OSRelease?) -> ([InstalledPackage], [CatalogWarning]) {
        let location = "/" + file.path
        guard let format = Format(rawValue: String(file.path.fileName)) else { return ([], []) }
        guard let blobs = format.headerBlobs(file.content) else {
            return ([], [CatalogWarning(path: location, message: format.unreadable)])
        }
        var packages: [InstalledPackage] = []
        var warnings: [CatalogWarning] = []
        for blob in blobs {
            guard let header = RPMHeader(blob), let name = header.string(.name), let version = header.string(.version),
                  let release = header.string(.release) else {
                warnings.append(CatalogWarning(path: location, message: "a package header is malformed"))
                continue
            }
            // gpg-pubkey entries are imported signing keys, not installed software.
            if name == "gpg-pubkey" { continue }
            let epoch = header.int32(.epoch)
            let architecture = header.string(.architecture)
            var qualifiers = ["arch": architecture ?? "", "upstream": header.string(.sourceRPM) ?? ""]
            if let epoch { qualifiers["epoch"] = String(epoch) }
            if let distribution { qualifiers["distro"] = distribution.id + "-" + (distribution.versionID ?? "") }
            let purl = PackageURL.make(type: "rpm", namespace: distribution?.id ?? "redhat", name: name, version: version + "-" + release,
                                       qualifiers: qualifiers)
            packages.append(InstalledPackage(type: .rpm, name: name, version: (epoch.map { "\($0):" } ?? "") + version + "-" + release,
                                             purl: purl, locations: [file.location], licenses: header.string(.license).map { [$0] } ?? [],
                                             architecture: architecture, sourceName: header.string(.sourceRPM)))
        }
        return (packages, warnings)
    }
}
