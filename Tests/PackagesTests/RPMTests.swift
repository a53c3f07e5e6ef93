import ContainerImage
import CSQLite
import Foundation
import ImageFixtures
@testable import Packages
import Testing

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
    let openssl = RPMFixture.header([(1000, 6, "openssl-libs"), (1001, 6, "3.0.7"), (1002, 6, "27.el9"), (1003, 4, Int32(1)),
                             (1014, 6, "Apache-2.0"), (1022, 6, "x86_64"), (1044, 6, "openssl-3.0.7-27.el9.src.rpm")])
    let bash = RPMFixture.header([(1000, 6, "bash"), (1001, 6, "5.1.8"), (1002, 6, "9.el9"), (1022, 6, "x86_64"), (1044, 6, "bash-5.1.8-9.el9.src.rpm")])
    let key = RPMFixture.header([(1000, 6, "gpg-pubkey"), (1001, 6, "fd431d51"), (1002, 6, "4ae0493b")])

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

    /// A Berkeley DB hash database of `headers` (keyed by package number), written by the real
    /// `db_load`; nil when db-util is not installed.
    static let hasDBLoad = FileManager.default.isExecutableFile(atPath: "/usr/bin/db_load")

    static func berkeleyDatabase(_ headers: [[UInt8]], pageSize: Int, bigEndian: Bool) throws -> [UInt8]? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/db_load") else { return nil }
        let directory = TemporaryDirectory()
        let path = directory.url.appendingPathComponent("Packages").path
        func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
        var input = "VERSION=3\nformat=bytevalue\ntype=hash\ndb_pagesize=\(pageSize)\nHEADER=END\n"
        for (number, header) in headers.enumerated() {
            let key = withUnsafeBytes(of: bigEndian ? UInt32(number + 1).bigEndian : UInt32(number + 1).littleEndian) { Array($0) }
            input += " \(hex(key))\n \(hex(header))\n"
        }
        input += "DATA=END\n"
        let outcome = try ExternalTool.run(["db_load", "-c", "db_lorder=\(bigEndian ? 4321 : 1234)", path], input: Array(input.utf8), mergingErrors: true)
        try #require(outcome.status == 0, "\(outcome.text)")
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test(.enabled(if: hasDBLoad, "db_load is not installed (apt-get install db-util)"), arguments: [(512, false), (4096, false), (4096, true), (16384, false)])
    func packagesComeFromTheBerkeleyDatabase(_ pageSize: Int, _ bigEndian: Bool) throws {
        // A header larger than a page goes to an overflow chain; small ones stay on the hash page.
        let large = RPMFixture.header([(1000, 6, "glibc"), (1001, 6, "2.28"), (1002, 6, "236.el8"), (1022, 6, "x86_64"),
                               (1014, 6, String(repeating: "LGPLv2+ and ", count: 700) + "GPLv2+")])
        let tiny = RPMFixture.header([(1000, 6, "tzdata"), (1001, 6, "2024a"), (1002, 6, "1.el8"), (1022, 6, "noarch")])
        let database = try #require(try Self.berkeleyDatabase([openssl, large, tiny, bash, key, [9, 9, 9, 9]], pageSize: pageSize, bigEndian: bigEndian))
        let (packages, warnings) = PackageCatalog.inventory([CatalogFile(path: "var/lib/rpm/Packages", layer: 0, content: database)],
                                                            distribution: OSRelease(id: "centos", versionID: "8"))
        #expect(packages.map { "\($0.name) \($0.version)" } == ["bash 5.1.8-9.el9", "glibc 2.28-236.el8", "openssl-libs 1:3.0.7-27.el9", "tzdata 2024a-1.el8"])
        #expect(packages.first { $0.name == "glibc" }?.licenses.first?.hasSuffix("GPLv2+") == true)
        #expect(warnings == [CatalogWarning(path: "/var/lib/rpm/Packages", message: "a package header is malformed")])
    }

    @Test(.enabled(if: hasDBLoad, "db_load is not installed (apt-get install db-util)"))
    func aDamagedBerkeleyDatabaseIsOneWarningOrWhatSurvives() throws {
        var database = try #require(try Self.berkeleyDatabase([openssl, bash], pageSize: 4096, bigEndian: false))
        let notADatabase = PackageCatalog.inventory([CatalogFile(path: "var/lib/rpm/Packages", layer: 0, content: Array(repeating: 7, count: 8192))],
                                                    distribution: nil)
        #expect(notADatabase.packages.isEmpty && notADatabase.warnings == [CatalogWarning(path: "/var/lib/rpm/Packages", message: "not a readable Berkeley DB hash database")])
        // Garbage over every page but the metadata: no crash, nothing invented.
        for index in stride(from: 4096, to: database.count, by: 1) { database[index] = UInt8(truncatingIfNeeded: index &* 31) }
        let garbled = PackageCatalog.inventory([CatalogFile(path: "var/lib/rpm/Packages", layer: 0, content: database)], distribution: nil)
        #expect(garbled.packages.isEmpty)
    }

    @Test func packagesComeFromTheNDBDatabase() {
        let database = RPMFixture.ndbDatabase([openssl, bash, key, [1, 2, 3]], emptySlots: 3)
        let (packages, warnings) = PackageCatalog.inventory([CatalogFile(path: "usr/lib/sysimage/rpm/Packages.db", layer: 0, content: database)],
                                                            distribution: OSRelease(id: "opensuse-leap", versionID: "15.6"))
        #expect(packages.map(\.purl) == [
            "pkg:rpm/opensuse-leap/bash@5.1.8-9.el9?arch=x86_64&distro=opensuse-leap-15.6&upstream=bash-5.1.8-9.el9.src.rpm",
            "pkg:rpm/opensuse-leap/openssl-libs@3.0.7-27.el9?arch=x86_64&distro=opensuse-leap-15.6&epoch=1&upstream=openssl-3.0.7-27.el9.src.rpm",
        ])
        #expect(warnings == [CatalogWarning(path: "/usr/lib/sysimage/rpm/Packages.db", message: "a package header is malformed")])
    }

    @Test func anNDBDatabaseWithSeveralSlotPagesIsReadWhole() {
        // Slot page 0 holds 254 slots after the file header; the rest are on page 1.
        let headers = (0..<300).map { RPMFixture.header([(1000, 6, "package-\($0)"), (1001, 6, "1.0"), (1002, 6, "1"), (1022, 6, "noarch")]) }
        let (packages, warnings) = PackageCatalog.inventory([CatalogFile(path: "var/lib/rpm/Packages.db", layer: 0, content: RPMFixture.ndbDatabase(headers, slotPages: 2))],
                                                            distribution: nil)
        #expect(packages.count == 300 && warnings.isEmpty)
    }

    @Test func aDamagedNDBDatabaseIsOneWarningPerBadEntryOrForTheFile() {
        let path = "usr/lib/sysimage/rpm/Packages.db"
        func inventory(_ bytes: [UInt8]) -> ([String], [String]) {
            let (packages, warnings) = PackageCatalog.inventory([CatalogFile(path: path, layer: 0, content: bytes)], distribution: nil)
            return (packages.map(\.name), warnings.map(\.message))
        }
        let intact = RPMFixture.ndbDatabase([openssl, bash])
        var badBlob = intact
        badBlob[4096] = UInt8(ascii: "X")
        #expect(inventory(badBlob) == (["bash"], ["a package header is malformed"]))
        // A truncated file: the last blob's slot points past the end.
        #expect(inventory(Array(intact.dropLast(16))) == (["openssl-libs"], ["a package header is malformed"]))
        var badSlot = intact
        badSlot[32] = 0
        #expect(inventory(badSlot) == (["bash"], ["a package header is malformed"]))
        var tooManyPages = intact
        tooManyPages[12] = 0xFF
        #expect(inventory(tooManyPages) == ([], ["not a readable rpm NDB database"]))
        var newerVersion = intact
        newerVersion[4] = 1
        #expect(inventory(newerVersion) == ([], ["not a readable rpm NDB database"]))
        #expect(inventory(Array(intact.prefix(100))) == ([], ["not a readable rpm NDB database"]))
    }
}
