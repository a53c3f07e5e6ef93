import Foundation
import ImageFixtures
import Testing

/// `plimsoll db import`, `db info` and `scan` end to end, on the shared OSV records.
@Suite struct ScanCommandTests {
    static let osv = PlimsollBinary.repository.deletingLastPathComponent().appendingPathComponent("shared/corpus/osv")

    /// A Debian 7 image whose nginx, cryptography and marky-markdown sit inside the corpus records' ranges.
    static func vulnerableImage(nginx: String = "1.2.1-2.2+wheezy2") -> FixtureImage {
        var base = TarBuilder()
        base.file("etc/os-release", Array("ID=debian\nVERSION_ID=\"7\"\n".utf8))
        base.file("var/lib/dpkg/status", Array("""
            Package: nginx-full
            Status: install ok installed
            Architecture: amd64
            Source: nginx
            Version: \(nginx)

            Package: libssl1.0.0
            Status: install ok installed
            Architecture: amd64
            Source: openssl
            Version: 1.0.1e-2+deb7u12

            """.utf8))
        var app = TarBuilder()
        app.file("usr/lib/python3/site-packages/cryptography-3.1.1.dist-info/METADATA", Array("Name: cryptography\nVersion: 3.1.1\n".utf8))
        app.file("srv/node_modules/marky-markdown/package.json", Array(#"{"name": "marky-markdown", "version": "12.0.0"}"#.utf8))
        app.file("srv/node_modules/left-pad/package.json", Array(#"{"name": "left-pad", "version": "1.3.0"}"#.utf8))
        return FixtureImage(layers: [.init(base, createdBy: "ADD rootfs /"), .init(app, createdBy: "COPY app / # buildkit")])
    }

    @Test(.enabled(if: Prerequisite.exists(osv), "../shared/corpus/osv is absent"))
    func importInfoAndScanFindExactlyTheExpectedAdvisories() throws {
        let scratch = try Scratch()
        let database = scratch.url.appendingPathComponent("db/advisories.sqlite").path
        let imported = try PlimsollBinary.run(["db", "import", Self.osv.path, "--db", database])
        #expect(imported.status == 0 && imported.stdout.hasPrefix("imported 30 new"), "\(imported.stdout) \(imported.stderr)")
        #expect(imported.stderr.contains("CVE-2023-41045: a GIT range has no introduced event"))
        let info = try PlimsollBinary.run(["db", "info", "--db", database])
        #expect(info.stdout.contains("30 records") && info.stdout.contains("  Debian:7: 1"))
        try Data(Self.vulnerableImage().dockerArchive()).write(to: scratch.url.appendingPathComponent("old.tar"))
        let scan = try PlimsollBinary.run(["scan", "old.tar", "--db", database, "--format", "json"], in: scratch.url)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(scan.stdout.utf8)) as? [String: Any])
        let found = try #require(document["vulnerabilities"] as? [[String: Any]])
        let pairs = Set(found.map { "\($0["id"] as? String ?? "") \($0["package"] as? String ?? "")" })
        #expect(pairs == ["DSA-3029-1 nginx-full", "PYSEC-2021-63 cryptography", "GHSA-pxmp-fwjc-4x7q marky-markdown"], "\(pairs)")
        let nginx = try #require(found.first { $0["id"] as? String == "DSA-3029-1" })
        #expect(nginx["fixedVersion"] as? String == "1.2.1-2.2+wheezy3" && nginx["ecosystem"] as? String == "Debian:7")
        #expect(nginx["layer"] as? Int == 0 && nginx["path"] as? String == "/var/lib/dpkg/status")
        let unfixed = try PlimsollBinary.run(["scan", "old.tar", "--db", database, "--format", "json", "--ignore-unfixed"], in: scratch.url)
        #expect(!unfixed.stdout.contains("marky-markdown"))
        try Data(Self.vulnerableImage(nginx: "1.2.1-2.2+wheezy3").dockerArchive()).write(to: scratch.url.appendingPathComponent("patched.tar"))
        let patched = try PlimsollBinary.run(["scan", "patched.tar", "--db", database], in: scratch.url)
        #expect(!patched.stdout.contains("DSA-3029-1") && patched.stdout.contains("PYSEC-2021-63"))
        #expect(patched.stdout.contains("cryptography 3.1.1 (PyPI)") && patched.stdout.contains("fixed in 3.1.2"))
    }

    /// A first run on a clean machine: the cache directory does not exist yet, and import makes it.
    @Test(.enabled(if: Prerequisite.exists(osv), "../shared/corpus/osv is absent"))
    func importMakesTheCacheDirectory() throws {
        let scratch = try Scratch()
        let home = scratch.url.appendingPathComponent("fresh-home").path
        let environment = ["PLIMSOLL_DB": "", "PLIMSOLL_CACHE_DIR": "", "XDG_CACHE_HOME": "", "HOME": home]
        let imported = try PlimsollBinary.run(["db", "import", Self.osv.path], environment: environment)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(FileManager.default.fileExists(atPath: home + "/.cache/plimsoll/advisories.sqlite"))
        // A database path that cannot be made says so, without advising to delete a file that is not there.
        let blocked = try scratch.write("file", "not a directory").path
        let refused = try PlimsollBinary.run(["db", "import", Self.osv.path, "--db", blocked + "/sub/advisories.sqlite"])
        #expect(refused.status == 2 && refused.stderr.split(separator: "\n").count == 1 && !refused.stderr.contains("delete it"), "\(refused.stderr)")
    }

    @Test func theDefaultDatabaseLivesInTheCacheDirectory() throws {
        let scratch = try Scratch()
        let cases: [([String: String], String)] = [
            (["PLIMSOLL_DB": "", "PLIMSOLL_CACHE_DIR": "", "XDG_CACHE_HOME": scratch.url.path + "/xdg"], scratch.url.path + "/xdg/plimsoll/advisories.sqlite"),
            (["PLIMSOLL_DB": "", "PLIMSOLL_CACHE_DIR": scratch.url.path + "/own", "XDG_CACHE_HOME": "/elsewhere"], scratch.url.path + "/own/advisories.sqlite"),
            (["PLIMSOLL_DB": scratch.url.path + "/named.sqlite", "XDG_CACHE_HOME": "/elsewhere"], scratch.url.path + "/named.sqlite"),
        ]
        for (environment, path) in cases {
            let info = try PlimsollBinary.run(["db", "info"], environment: environment)
            #expect(info.status == 2 && info.stderr.hasPrefix("plimsoll: error: no advisory database at \(path);"), "\(environment): \(info.stderr)")
        }
    }

    @Test func badDatabasesAndArchivesGiveOneErrorLine() throws {
        let scratch = try Scratch()
        try Data(Self.vulnerableImage().dockerArchive()).write(to: scratch.url.appendingPathComponent("i.tar"))
        let missing = try PlimsollBinary.run(["scan", "i.tar", "--db", "nowhere.sqlite"], in: scratch.url)
        #expect(missing.status == 2 && missing.stderr.contains("no advisory database at nowhere.sqlite; get one with `plimsoll db update`, or load OSV records with"))
        try scratch.write("corrupt.sqlite", String(repeating: "not a database ", count: 100))
        let corrupt = try PlimsollBinary.run(["scan", "i.tar", "--db", "corrupt.sqlite"], in: scratch.url)
        #expect(corrupt.status == 2 && corrupt.stderr.split(separator: "\n").count == 1, "\(corrupt.stderr)")
        try scratch.write("record.json", "{\"id\": \"X-1\", \"affected\": [{\"package\": {\"ecosystem\": \"npm\", \"name\": \"a\"}}]}")
        let zipped = try ZipFixture.make(["../../escape.json": Array("{}".utf8)])
        try Data(zipped).write(to: scratch.url.appendingPathComponent("evil.zip"))
        let traversal = try PlimsollBinary.run(["db", "import", "evil.zip", "--db", "new.sqlite"], in: scratch.url)
        #expect(traversal.status == 2 && traversal.stderr.contains("the archive has an entry outside it: ../../escape.json"), "\(traversal.stderr)")
        let missingZip = try PlimsollBinary.run(["db", "import", "absent.zip", "--db", "new.sqlite"], in: scratch.url)
        #expect(missingZip.status == 2 && missingZip.stderr == "plimsoll: error: absent.zip: cannot open it: No such file or directory\n")
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("folder.zip"), withIntermediateDirectories: true)
        let folder = try PlimsollBinary.run(["db", "import", "folder.zip", "--db", "new.sqlite"], in: scratch.url)
        #expect(folder.status == 2 && folder.stderr == "plimsoll: error: folder.zip: not a regular file\n")
        try scratch.write("bad.json", "{\"id\": ")
        let malformed = try PlimsollBinary.run(["db", "import", "bad.json", "record.json", "--db", "new.sqlite"], in: scratch.url)
        #expect(malformed.status == 0 && malformed.stderr.contains("bad.json: not a valid OSV record") && malformed.stdout.hasPrefix("imported 1 new"))
        let format = try PlimsollBinary.run(["scan", "i.tar", "--db", "new.sqlite", "--fail-on", "sometimes"], in: scratch.url)
        #expect(format.status == 2 && format.stderr.contains("--fail-on 'sometimes'"))
    }

    @Test func aDatabaseFromANewerPlimsollOrLockedByAnotherProcessIsOneErrorLine() throws {
        let scratch = try Scratch()
        try scratch.write("record.json", #"{"id": "X-1", "affected": [{"package": {"ecosystem": "npm", "name": "a"}, "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}]}]}]}"#)
        #expect(try PlimsollBinary.run(["db", "import", "record.json", "--db", "n.sqlite"], in: scratch.url).status == 0)
        let database = scratch.url.appendingPathComponent("n.sqlite").path
        _ = try ExternalTool.run(["python3", "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('PRAGMA user_version = 99'); c.commit()", database])
        let newer = try PlimsollBinary.run(["db", "info", "--db", "n.sqlite"], in: scratch.url)
        #expect(newer.status == 2 && newer.stderr.contains("was written by a newer plimsoll (schema 99)") && newer.stderr.split(separator: "\n").count == 1,
                "\(newer.stderr)")

        #expect(try PlimsollBinary.run(["db", "import", "record.json", "--db", "l.sqlite"], in: scratch.url).status == 0)
        // Another process holds the write lock for longer than plimsoll waits (2 s); it lets go by itself after 5 s.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["python3", "-c", """
            import sqlite3, sys, time
            c = sqlite3.connect(sys.argv[1], isolation_level=None)
            c.execute('BEGIN EXCLUSIVE')
            print('locked', flush=True)
            time.sleep(5)
            """, scratch.url.appendingPathComponent("l.sqlite").path]
        let pipe = Pipe()
        holder.standardOutput = pipe
        try holder.run()
        defer {
            holder.terminate()
            holder.waitUntilExit()
        }
        _ = pipe.fileHandleForReading.availableData
        let locked = try PlimsollBinary.run(["db", "import", "record.json", "--db", "l.sqlite"], in: scratch.url)
        #expect(locked.status == 2 && locked.stderr.contains("locked") && locked.stderr.split(separator: "\n").count == 1, "\(locked.stderr)")
    }

    @Test func partsOfRecordsMatchingCannotUseAreReported() throws {
        let scratch = try Scratch()
        func record(_ id: String, ecosystem: String = "npm", type: String = "SEMVER", fixed: String = "1.0.0") -> String {
            #"{"id": "\#(id)", "affected": [{"package": {"ecosystem": "\#(ecosystem)", "name": "a"}, "ranges": [{"type": "\#(type)", "events": [{"introduced": "0"}, {"fixed": "\#(fixed)"}]}]}]}"#
        }
        try scratch.write("weird.json", record("X-1", type: "WEIRD"))
        try scratch.write("martian.json", record("X-2", ecosystem: "Martian", type: "ECOSYSTEM"))
        try scratch.write("unparsable.json", record("X-3", fixed: "not-a-version"))
        try scratch.write("debian.json", record("X-4", ecosystem: "Debian:12", type: "ECOSYSTEM", fixed: "1.0 beta"))
        let imported = try PlimsollBinary.run(["db", "import", "weird.json", "martian.json", "unparsable.json", "debian.json", "--db", "w.sqlite"],
                                              in: scratch.url)
        #expect(imported.status == 0 && imported.stdout.hasPrefix("imported 4 new"), "\(imported.stderr)")
        #expect(imported.stderr == """
            plimsoll: warning: X-1: a WEIRD range of a is ignored (plimsoll reads ECOSYSTEM, SEMVER and GIT ranges)
            plimsoll: warning: X-3: fixed version 'not-a-version' of a is not a valid SemVer version; that range is ignored
            plimsoll: warning: X-4: fixed version '1.0 beta' of a is not a valid Debian:12 version; that range is ignored
            plimsoll: note: 1 records of Martian are kept but not matched: plimsoll has no version ordering for Martian

            """, "\(imported.stderr)")
        // None of them matches by accident: npm `a` 0.5.0 is below every fix, but the ranges cannot be read.
        try Data(FixtureImage(layers: [.init({ var layer = TarBuilder()
            layer.file("app/node_modules/a/package.json", Array(#"{"name": "a", "version": "0.5.0"}"#.utf8))
            return layer }(), createdBy: "COPY app /app")]).dockerArchive()).write(to: scratch.url.appendingPathComponent("i.tar"))
        let scan = try PlimsollBinary.run(["scan", "i.tar", "--db", "w.sqlite"], in: scratch.url)
        #expect(scan.status == 0 && scan.stdout.hasPrefix("No known vulnerabilities"), "\(scan.stdout)")
    }

    @Test func anArchiveDamagedPartWayImportsNothing() throws {
        let scratch = try Scratch()
        let record = { (id: String) in Array(#"{"id": "\#(id)", "affected": [{"package": {"ecosystem": "npm", "name": "a"}, "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}]}]}]}"#.utf8) }
        var bytes = try ZipFixture.make(["A.json": record("A-1") + Array(repeating: 0x20, count: 200), "B.json": record("B-1") + Array(repeating: 0x20, count: 200)],
                                        deflate: true)
        // Garble the deflated data of the second member: its directory entry stays intact.
        let headers = bytes.indices.filter { bytes[$0...].starts(with: [0x50, 0x4B, 3, 4]) }
        let second = try #require(headers.dropFirst().first)
        let data = second + 30 + Int(bytes[second + 26]) + Int(bytes[second + 28])
        for offset in 0..<6 { bytes[data + offset] ^= 0xFF }
        try scratch.write("damaged.zip", Data(bytes))
        let imported = try PlimsollBinary.run(["db", "import", "damaged.zip", "--db", "d.sqlite"], in: scratch.url)
        #expect(imported.status == 2 && imported.stderr.hasPrefix("plimsoll: error: damaged.zip: not a valid zip archive: "), "\(imported.stderr)")
        let info = try PlimsollBinary.run(["db", "info", "--db", "d.sqlite"], in: scratch.url)
        #expect(info.stdout.contains(": 0 records"), "the import is one transaction: \(info.stdout)")
    }

    @Test func aZipOfRecordsImports() throws {
        let scratch = try Scratch()
        let record = #"{"id": "GHSA-test-0001", "modified": "2026-01-01T00:00:00Z", "affected": [{"package": {"ecosystem": "npm", "name": "left-pad"}, "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "1.3.1"}]}]}], "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}]}"#
        try Data(try ZipFixture.make(["GHSA-test-0001.json": Array(record.utf8)], deflate: true)).write(to: scratch.url.appendingPathComponent("all.zip"))
        let imported = try PlimsollBinary.run(["db", "import", "all.zip", "--db", "z.sqlite"], in: scratch.url)
        #expect(imported.stdout.hasPrefix("imported 1 new"), "\(imported.stderr)")
        try Data(Self.vulnerableImage().dockerArchive()).write(to: scratch.url.appendingPathComponent("i.tar"))
        let scan = try PlimsollBinary.run(["scan", "i.tar", "--db", "z.sqlite"], in: scratch.url)
        #expect(scan.status == 1, "a critical vulnerability fails at the default --fail-on high")
        #expect(scan.stdout.contains("critical 9.8  GHSA-test-0001  fixed in 1.3.1"), "\(scan.stdout)")
    }
}
