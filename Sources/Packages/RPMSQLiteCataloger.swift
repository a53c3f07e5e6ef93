import ContainerImage
import CSQLite

/// Fedora, RHEL 9, UBI 9, Amazon Linux 2023, Rocky/Alma 9: the rpm database in SQLite
/// (`rpmdb.sqlite`). The database is opened from memory (`sqlite3_deserialize`, read-only and in
/// defensive mode), never written to disk.
struct RPMSQLiteCataloger: Cataloger {
    var sizeLimit: Int { 48 << 20 }

    func reads(_ path: String) -> Bool {
        path == "var/lib/rpm/rpmdb.sqlite" || path == "usr/lib/sysimage/rpm/rpmdb.sqlite"
    }

    func catalog(_ file: CatalogFile, distribution: OSRelease?) -> ([InstalledPackage], [CatalogWarning]) {
        let location = "/" + file.path
        guard let blobs = Self.headerBlobs(file.content) else {
            return ([], [CatalogWarning(path: location, message: "not a readable rpm SQLite database")])
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

    /// Every row's header blob, or nil when SQLite cannot read the bytes as a database.
    static func headerBlobs(_ content: [UInt8]) -> [[UInt8]]? {
        guard content.count >= 100, content.starts(with: Array("SQLite format 3\0".utf8)) else { return nil }
        var database: OpaquePointer?
        guard sqlite3_open_v2(":memory:", &database, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK, let database else { return nil }
        defer { sqlite3_close(database) }
        plimsoll_sqlite3_defensive(database)
        // SQLite owns (and frees) the copy; a WAL-mode file is read as a rollback-journal one.
        let size = content.count
        guard let copy = sqlite3_malloc64(sqlite3_uint64(size)) else { return nil }
        content.withUnsafeBytes { source in
            if let base = source.baseAddress { copy.copyMemory(from: base, byteCount: size) }
        }
        let bytes = copy.assumingMemoryBound(to: UInt8.self)
        if bytes[18] == 2 { bytes[18] = 1 }
        if bytes[19] == 2 { bytes[19] = 1 }
        let flags = UInt32(SQLITE_DESERIALIZE_READONLY | SQLITE_DESERIALIZE_FREEONCLOSE)
        guard sqlite3_deserialize(database, "main", bytes, sqlite3_int64(size), sqlite3_int64(size), flags) == SQLITE_OK else { return nil }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(database, "SELECT blob FROM Packages", -1, &statement, nil) == SQLITE_OK, let statement else { return nil }
        defer { sqlite3_finalize(statement) }
        var blobs: [[UInt8]] = []
        while blobs.count < 200_000 {
            let step = sqlite3_step(statement)
            if step == SQLITE_DONE { break }
            guard step == SQLITE_ROW else { return blobs.isEmpty ? nil : blobs }
            let length = Int(sqlite3_column_bytes(statement, 0))
            guard let pointer = sqlite3_column_blob(statement, 0), length > 0 else { continue }
            blobs.append(Array(UnsafeRawBufferPointer(start: pointer, count: length)))
        }
        return blobs
    }
}
