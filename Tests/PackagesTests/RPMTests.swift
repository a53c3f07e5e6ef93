import ContainerImage
import CSQLite
@testable import Packages
import Testing

/// An RPM header blob: (tag, type, value) entries; strings are type 6, integers type 4.
func rpmHeader(_ entries: [(Int32, Int32, Any)]) -> [UInt8] {
    func bigEndian(_ value: Int32) -> [UInt8] { withUnsafeBytes(of: value.bigEndian) { Array($0) } }
    var index: [UInt8] = []
    var data: [UInt8] = []
    for (tag, type, value) in entries {
        if type == 4, data.count % 4 != 0 { data += [UInt8](repeating: 0, count: 4 - data.count % 4) }
        index += bigEndian(tag) + bigEndian(type) + bigEndian(Int32(data.count)) + bigEndian(1)
        if let text = value as? String { data += Array(text.utf8) + [0] }
        if let number = value as? Int32 { data += bigEndian(number) }
    }
    return bigEndian(Int32(entries.count)) + bigEndian(Int32(data.count)) + index + data
}

/// An rpmdb.sqlite image of `headers`, built in memory with SQLite itself.
func rpmDatabase(_ headers: [[UInt8]], walMode: Bool = false) -> [UInt8] {
    var database: OpaquePointer?
    sqlite3_open(":memory:", &database)
    defer { sqlite3_close(database) }
    sqlite3_exec(database, "CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)", nil, nil, nil)
    for header in headers {
        var statement: OpaquePointer?
        sqlite3_prepare_v2(database, "INSERT INTO Packages (blob) VALUES (?)", -1, &statement, nil)
        header.withUnsafeBytes { _ = sqlite3_bind_blob(statement, 1, $0.baseAddress, Int32($0.count), unsafeBitCast(-1, to: sqlite3_destructor_type.self)) }
        sqlite3_step(statement)
        sqlite3_finalize(statement)
    }
    var size: sqlite3_int64 = 0
    guard let serialized = sqlite3_serialize(database, "main", &size, 0) else { return [] }
    defer { sqlite3_free(serialized) }
    var bytes = Array(UnsafeBufferPointer(start: serialized, count: Int(size)))
    if walMode { bytes[18] = 2; bytes[19] = 2 }
    return bytes
}

@Suite struct RPMTests {
    let openssl = rpmHeader([(1000, 6, "openssl-libs"), (1001, 6, "3.0.7"), (1002, 6, "27.el9"), (1003, 4, Int32(1)),
                             (1014, 6, "Apache-2.0"), (1022, 6, "x86_64"), (1044, 6, "openssl-3.0.7-27.el9.src.rpm")])
    let bash = rpmHeader([(1000, 6, "bash"), (1001, 6, "5.1.8"), (1002, 6, "9.el9"), (1022, 6, "x86_64"), (1044, 6, "bash-5.1.8-9.el9.src.rpm")])
    let key = rpmHeader([(1000, 6, "gpg-pubkey"), (1001, 6, "fd431d51"), (1002, 6, "4ae0493b")])

    @Test(arguments: [false, true])
    func packagesComeFromTheSQLiteDatabase(_ walMode: Bool) {
        let database = rpmDatabase([openssl, bash, key, [1, 2, 3]], walMode: walMode)
        let (packages, warnings) = PackageCatalog.inventory([CatalogFile(path: "var/lib/rpm/rpmdb.sqlite", layer: 0, content: database)],
                                                            distribution: OSRelease(id: "rhel", versionID: "9.4"))
        #expect(packages.map(\.purl) == [
            "pkg:rpm/rhel/bash@5.1.8-9.el9?arch=x86_64&distro=rhel-9.4&upstream=bash-5.1.8-9.el9.src.rpm",
            "pkg:rpm/rhel/openssl-libs@3.0.7-27.el9?arch=x86_64&distro=rhel-9.4&epoch=1&upstream=openssl-3.0.7-27.el9.src.rpm",
        ])
        #expect(packages[1].version == "1:3.0.7-27.el9" && packages[1].licenses == ["Apache-2.0"])
        #expect(warnings == [CatalogWarning(path: "/var/lib/rpm/rpmdb.sqlite", message: "a package header is malformed")])
    }

    @Test func aCorruptDatabaseIsOneWarning() {
        var database = rpmDatabase([bash])
        for index in 100..<database.count { database[index] = 0xA5 }
        let (packages, warnings) = PackageCatalog.inventory([CatalogFile(path: "usr/lib/sysimage/rpm/rpmdb.sqlite", layer: 0, content: database)],
                                                            distribution: nil)
        #expect(packages.isEmpty && warnings.count == 1)
        #expect(RPMHeader([0, 0, 0, 200, 0, 0, 0, 0]) == nil, "an index count beyond the blob")
    }
}
