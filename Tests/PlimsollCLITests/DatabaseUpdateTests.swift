import Foundation
import ImageFixtures
import Testing

/// `plimsoll db update` against a server on 127.0.0.1 that serves archives the test builds.
@Suite struct DatabaseUpdateTests {
    static func record(_ id: String, ecosystem: String, name: String, fixed: String, modified: String = "2026-01-01T00:00:00Z") -> [UInt8] {
        Array(#"{"id": "\#(id)", "modified": "\#(modified)", "affected": [{"package": {"ecosystem": "\#(ecosystem)", "name": "\#(name)"}, "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "\#(fixed)"}]}]}]}"#.utf8)
    }

    static func archives() throws -> (debian: [UInt8], pypi: [UInt8]) {
        let debian = try ZipFixture.make(["DSA-1-1.json": record("DSA-1-1", ecosystem: "Debian:12", name: "openssl", fixed: "3.0.1-1")], deflate: true)
        let pypi = try ZipFixture.make([
            "PYSEC-1.json": record("PYSEC-1", ecosystem: "PyPI", name: "requests", fixed: "2.31.0"),
            "PYSEC-2.json": record("PYSEC-2", ecosystem: "PyPI", name: "flask", fixed: "2.3.2"),
        ])
        return (debian, pypi)
    }

    func update(_ server: LocalHTTPServer, _ scratch: Scratch, _ more: [String] = []) throws -> PlimsollBinary.Outcome {
        try PlimsollBinary.run(["db", "update", "--mirror", server.base, "--ecosystem", "Debian", "--ecosystem", "PyPI", "--db", "db/a.sqlite"] + more,
                               in: scratch.url)
    }

    @Test func fetchesOnceThenOnlyWhatChanged() throws {
        let (debian, pypi) = try Self.archives()
        let server = try LocalHTTPServer(routes: ["/Debian/all.zip": .body(debian, etag: "\"d1\""), "/PyPI/all.zip": .body(pypi, etag: "\"p1\"")])
        defer { server.stop() }
        let scratch = try Scratch()
        let first = try update(server, scratch)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "Debian: 1 new, 0 updated, 0 unchanged, 0 rejected records\nPyPI: 2 new, 0 updated, 0 unchanged, 0 rejected records\n")
        let info = try PlimsollBinary.run(["db", "info", "--db", "db/a.sqlite"], in: scratch.url)
        #expect(info.stdout.contains("3 records") && info.stdout.contains("  Debian:12: 1") && info.stdout.contains("  PyPI: 2"), "\(info.stdout)")

        let second = try update(server, scratch)
        #expect(second.stdout == "Debian: unchanged since the last update\nPyPI: unchanged since the last update\n", "\(second.stdout) \(second.stderr)")
        #expect(server.requests.suffix(2).map { $0.headers["if-none-match"] } == ["\"d1\"", "\"p1\""])

        let changed = try ZipFixture.make(["PYSEC-1.json": Self.record("PYSEC-1", ecosystem: "PyPI", name: "requests", fixed: "2.32.0",
                                                                         modified: "2026-02-01T00:00:00Z")])
        server.setRoute("/PyPI/all.zip", .body(changed, etag: "\"p2\""))
        let third = try update(server, scratch)
        #expect(third.stdout.hasSuffix("PyPI: 0 new, 1 updated, 0 unchanged, 0 rejected records\n"), "\(third.stdout)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("db").path)
        #expect(leftovers.allSatisfy { $0.hasPrefix("a.sqlite") && !$0.contains("updating") }, "\(leftovers)")
    }

    @Test func aFailedDownloadLeavesTheDatabaseAsItWas() throws {
        let (debian, pypi) = try Self.archives()
        let server = try LocalHTTPServer(routes: ["/Debian/all.zip": .body(debian, etag: "\"d1\""), "/PyPI/all.zip": .body(pypi, etag: nil)])
        defer { server.stop() }
        let scratch = try Scratch()
        #expect(try update(server, scratch).status == 0)
        let before = try Data(contentsOf: scratch.url.appendingPathComponent("db/a.sqlite"))

        server.setRoute("/Debian/all.zip", .body(try ZipFixture.make(["DSA-2-1.json": Self.record("DSA-2-1", ecosystem: "Debian:12", name: "curl", fixed: "8.0-1")]),
                                                 etag: "\"d2\""))
        server.setRoute("/PyPI/all.zip", .truncated(pypi, sent: pypi.count / 2))
        let dropped = try update(server, scratch)
        #expect(dropped.status == 2 && dropped.stderr.split(separator: "\n").count == 1, "\(dropped.stderr)")
        #expect(dropped.stderr.contains("is unchanged") && dropped.stderr.contains("closed the connection before the whole archive arrived"),
                "\(dropped.stderr)")

        server.setRoute("/PyPI/all.zip", .body(Array("PK\u{3}\u{4} this is not really a zip archive".utf8), etag: "\"broken\""))
        let corrupt = try update(server, scratch)
        #expect(corrupt.status == 2 && corrupt.stderr.split(separator: "\n").count == 1 && corrupt.stderr.contains("/PyPI/all.zip: "), "\(corrupt.stderr)")

        server.setRoute("/PyPI/all.zip", .status(404))
        let missing = try update(server, scratch)
        #expect(missing.status == 2 && missing.stderr.contains("the server answered HTTP 404"), "\(missing.stderr)")

        #expect(try Data(contentsOf: scratch.url.appendingPathComponent("db/a.sqlite")) == before, "a failed update must not touch the database")
        let info = try PlimsollBinary.run(["db", "info", "--db", "db/a.sqlite"], in: scratch.url)
        #expect(info.stdout.contains("3 records") && !info.stdout.contains("curl"), "\(info.stdout)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("db").path)
        #expect(!leftovers.contains { $0.contains("updating") }, "\(leftovers)")
    }

    @Test func theMirrorComesFromTheEnvironmentAndMustBeHTTP() throws {
        let (debian, _) = try Self.archives()
        let redHat = try ZipFixture.make(["RHSA-1.json": Self.record("RHSA-2024:1", ecosystem: "Red Hat:enterprise_linux:9::baseos", name: "bash",
                                                                     fixed: "0:5.1.8-9.el9")])
        let server = try LocalHTTPServer(routes: ["/Debian/all.zip": .body(debian, etag: nil), "/Red%20Hat/all.zip": .body(redHat, etag: nil)])
        defer { server.stop() }
        let scratch = try Scratch()
        let fromEnvironment = try PlimsollBinary.run(["db", "update", "--ecosystem", "Debian", "--ecosystem", "Red Hat", "--db", "e.sqlite"],
                                                     in: scratch.url, environment: ["PLIMSOLL_DB_MIRROR": server.base + "/"])
        #expect(fromEnvironment.status == 0 && fromEnvironment.stdout.hasPrefix("Debian: 1 new"), "\(fromEnvironment.stderr)")
        #expect(fromEnvironment.stdout.contains("Red Hat: 1 new") && server.requests.map(\.path) == ["/Debian/all.zip", "/Red%20Hat/all.zip"])
        let info = try PlimsollBinary.run(["db", "info", "--db", "e.sqlite"], in: scratch.url)
        #expect(info.stdout.contains("  Red Hat:enterprise_linux:9: 1"), "\(info.stdout)")
        let notHTTP = try PlimsollBinary.run(["db", "update", "--mirror", "ftp://example.org/osv", "--db", "e.sqlite"], in: scratch.url)
        #expect(notHTTP.status == 2 && notHTTP.stderr == "plimsoll: error: --mirror 'ftp://example.org/osv' is not an http:// or https:// address\n",
                "\(notHTTP.stderr)")
        server.stop()
        let refused = try PlimsollBinary.run(["db", "update", "--mirror", server.base, "--ecosystem", "Debian", "--db", "e.sqlite"], in: scratch.url)
        #expect(refused.status == 2 && refused.stderr.contains("cannot connect to the server"), "\(refused.stderr)")
    }
}
