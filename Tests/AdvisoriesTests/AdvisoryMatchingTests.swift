@testable import Advisories
import Foundation
import ImageFixtures
import Packages
import Testing

let osvCorpus = versionCorpus.deletingLastPathComponent().appendingPathComponent("osv")

func osvRecord(_ name: String) throws -> Advisory? {
    let data = try Data(contentsOf: osvCorpus.appendingPathComponent(name))
    return try Advisory.decode([UInt8](data))
}

@Suite struct AdvisoryMatchingTests {
    @Test(.enabled(if: Prerequisite.sharedCorpus, "../shared/corpus is absent"))
    func everyCorpusRecordDecodes() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: osvCorpus.path)
        let records = try names.filter { $0.hasSuffix(".json") }.map { name in
            try Advisory.decode([UInt8](try Data(contentsOf: osvCorpus.appendingPathComponent(name))))
        }
        #expect(records.count == 34)
        #expect(records.contains { $0.withdrawn != nil })
    }

    @Test(.enabled(if: Prerequisite.sharedCorpus, "../shared/corpus is absent"), arguments: [
        ("google__osv.dev__gcp__workers__oss_fuzz_worker__testdata__DSA-3029-1.json", "1.2.1-2.2+wheezy2", true),
        ("google__osv.dev__gcp__workers__oss_fuzz_worker__testdata__DSA-3029-1.json", "1.2.1-2.2+wheezy3", false),
        ("canonical__ubuntu-security-notices__osv__CVE-2024-6387.json", "1:8.9p1-3ubuntu0.6", true),
        ("canonical__ubuntu-security-notices__osv__CVE-2024-6387.json", "1:8.9p1-3ubuntu0.10", false),
        ("canonical__ubuntu-security-notices__osv__CVE-2024-6387.json", "1:8.7p1-2build1", true),
        ("google__osv.dev__gcp__functions__pypi__testdata__test_vuln.json", "3.1.1", true),
        ("google__osv.dev__gcp__functions__pypi__testdata__test_vuln.json", "3.1.2", false),
        ("google__osv.dev__gcp__functions__pypi__testdata__test_vuln.json", "3.0", false),
        ("google__osv.dev__vulnfeeds__test_data__CVE-2012-2812.json", "0.6.20-r3", true),
        ("google__osv.dev__vulnfeeds__test_data__CVE-2012-2812.json", "0.6.21-r0", false),
        ("ossf__osv-schema__tools__ghsa__testdata__greater_than_equals_no_patch.osv.json", "12.0.0", true),
    ])
    func corpusRecordsMatchTheirVersions(_ name: String, _ version: String, _ expected: Bool) throws {
        let record = try #require(try osvRecord(name))
        let affected = try #require(record.affected?.first)
        let ecosystem = try #require(affected.package?.ecosystem)
        #expect(AffectedRanges.contains(version, in: affected, ecosystem: Ecosystem(ecosystem)) == expected, "\(record.id) \(version)")
    }

    @Test func lastAffectedAndLimitEvents() {
        let events = [Advisory.Event(introduced: "1.0.0"), Advisory.Event(lastAffected: "1.4.2"), Advisory.Event(introduced: "2.0.0"),
                      Advisory.Event(fixed: "2.1.0")]
        let npm = Ecosystem("npm")
        let cases: [(String, Bool)] = [("0.9.0", false), ("1.0.0", true), ("1.4.2", true), ("1.4.3", false), ("2.0.5", true), ("2.1.0", false)]
        for (version, expected) in cases {
            #expect(AffectedRanges.contains(version, events: events, ecosystem: npm) == expected, "\(version)")
        }
        let limited = [Advisory.Event(introduced: "0"), Advisory.Event(limit: "3.0.0")]
        #expect(AffectedRanges.contains("2.9.9", events: limited, ecosystem: npm) && !AffectedRanges.contains("3.0.0", events: limited, ecosystem: npm))
    }

    @Test(arguments: [
        ("debian", "12", "Debian:12"), ("debian", "11.9", "Debian:11"), ("ubuntu", "22.04", "Ubuntu:22.04:LTS"),
        ("ubuntu", "23.10", "Ubuntu:23.10"), ("alpine", "3.19.1", "Alpine:v3.19"),
    ])
    func distributionsMapToTheirEcosystems(_ id: String, _ version: String, _ expected: String) {
        #expect(Ecosystem.distribution(id: id, versionID: version)?.name == expected)
    }

    @Test(arguments: [
        ("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H", 8.1, "high"),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N", 9.1, "critical"),
        ("CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:H/I:N/A:N", 4.7, "medium"),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:L/A:N", 5.3, "medium"),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1, "medium"),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0, "critical"),
        ("CVSS:3.0/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N", 1.6, "low"),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0, "none"),
    ])
    func cvss3BaseScores(_ vector: String, _ score: Double, _ rating: String) throws {
        let cvss = try #require(CVSS3(vector: vector))
        #expect(cvss.baseScore == score && cvss.rating == rating, "\(vector): \(cvss.baseScore)")
    }

    @Test func malformedVectorsAreRejected() {
        #expect(CVSS3(vector: "CVSS:2.0/AV:N") == nil && CVSS3(vector: "CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H") == nil)
        #expect(CVSS3(vector: "CVSS:3.1/AV:N/AC:L") == nil)
    }
}

@Suite struct OSVArchiveTests {
    @Test func aZip64ArchiveWithMoreThan65535MembersIsReadWhole() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("plimsoll-zip64-\(UUID().uuidString).zip").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try ExternalTool.run(["python3", "-c", """
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
                for i in range(66000): z.writestr(f"R-{i}.json", '{"id": "R-%d"}' % i)
            """, path])
        let records = try OSVArchive.records([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(records.count == 66000 && records.last?.bytes == Array(#"{"id": "R-65999"}"#.utf8))
    }

    @Test func damagedArchivesAreRefused() {
        #expect(throws: OSVArchive.Failure.self) { try OSVArchive.records(Array("PK not really".utf8)) }
        #expect(throws: OSVArchive.Failure.self) { try OSVArchive.records([UInt8](repeating: 0, count: 100)) }
    }
}

/// The matcher end to end over a database: which name and version each kind of package is looked up by.
@Suite struct PackageLookupTests {
    let directory = TemporaryDirectory()

    func database(_ records: [String]) throws -> AdvisoryDatabase {
        let database = try AdvisoryDatabase(path: directory.url.appendingPathComponent("\(UUID().uuidString).sqlite").path, readOnly: false)
        _ = try database.importRecords(records.map { ("test", Array($0.utf8)) }, updated: "2026-11-28T00:00:00Z")
        return database
    }

    static func record(_ id: String, _ ecosystem: String, _ name: String, fixed: String) -> String {
        #"{"id": "\#(id)", "affected": [{"package": {"ecosystem": "\#(ecosystem)", "name": "\#(name)"}, "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "\#(fixed)"}]}]}]}"#
    }

    @Test func rpmPackagesMatchByBinaryNameWithTheirEpoch() throws {
        let database = try database([Self.record("ALSA-2024:0001", "AlmaLinux:9", "openssl-libs", fixed: "1:3.0.7-25.el9_3"),
                                          Self.record("RLSA-2024:0002", "Rocky Linux:9", "openssl-libs", fixed: "1:3.0.7-25.el9_3")])
        let old = InstalledPackage(type: .rpm, name: "openssl-libs", version: "1:3.0.7-24.el9", purl: "pkg:rpm/almalinux/openssl-libs@3.0.7-24.el9",
                                   locations: [], sourceName: "openssl-3.0.7-24.el9.src.rpm")
        var patched = old
        patched.version = "1:3.0.7-25.el9_3"
        let alma = try VulnerabilityMatcher.match([old, patched], distribution: ("almalinux", "9.3"), database: database)
        #expect(alma.map { "\($0.id) \($0.package.version) \($0.fixedVersion ?? "")" } == ["ALSA-2024:0001 1:3.0.7-24.el9 1:3.0.7-25.el9_3"])
        let rocky = try VulnerabilityMatcher.match([old], distribution: ("rocky", "9.3"), database: database)
        #expect(rocky.map(\.id) == ["RLSA-2024:0002"])
        // Red Hat's ecosystems name a stream and a repository; RHEL and UBI images match the main stream's.
        let redHat = try self.database([Self.record("RHSA-2024:0003", "Red Hat:enterprise_linux:9::baseos", "openssl-libs", fixed: "1:3.0.7-25.el9_3"),
                                   Self.record("RHSA-2024:0004", "Red Hat:rhel_eus:9.2::baseos", "openssl-libs", fixed: "1:3.0.7-26.el9_2")])
        let rhel = try VulnerabilityMatcher.match([old], distribution: ("rhel", "9.3"), database: redHat)
        #expect(rhel.map { "\($0.id) \($0.ecosystem) \($0.fixedVersion ?? "")" } == ["RHSA-2024:0003 Red Hat:enterprise_linux:9 1:3.0.7-25.el9_3"])
        #expect(try VulnerabilityMatcher.match([old], distribution: ("centos", "7"), database: redHat).isEmpty)
    }

    @Test func mavenGemAndCratePackagesMatchInTheirOrdering() throws {
        let database = try database([Self.record("GHSA-maven", "Maven", "org.apache.commons:commons-text", fixed: "1.10.0"),
                                          Self.record("GHSA-gem", "RubyGems", "nokogiri", fixed: "1.16.5"),
                                          Self.record("RUSTSEC-2020-0071", "crates.io", "time", fixed: "0.2.23")])
        let packages = [
            InstalledPackage(type: .maven, name: "commons-text", version: "1.10.0-M1", purl: "pkg:maven/org.apache.commons/commons-text@1.10.0-M1",
                             locations: []),
            InstalledPackage(type: .maven, name: "commons-text", version: "1.10.0.Final", purl: "pkg:maven/org.apache.commons/commons-text@1.10.0.Final",
                             locations: []),
            InstalledPackage(type: .gem, name: "nokogiri", version: "1.16.5.rc1", purl: "c", locations: []),
            InstalledPackage(type: .gem, name: "nokogiri", version: "1.16.10", purl: "d", locations: []),
            InstalledPackage(type: .cargo, name: "time", version: "0.1.45", purl: "e", locations: []),
        ]
        let found = try VulnerabilityMatcher.match(packages, distribution: nil, database: database)
        #expect(found.map { "\($0.id) \($0.package.version)" } == ["GHSA-maven 1.10.0-M1", "GHSA-gem 1.16.5.rc1", "RUSTSEC-2020-0071 0.1.45"])
    }

    @Test func severityWordsCountWhenThereIsNoVector() throws {
        /// A record for npm package `name` (fixed in 2.0.0); `entry` and `top` add members to the affected entry and the record.
        func record(_ id: String, _ name: String, entry: String = "", top: String = "") -> String {
            let range = #""ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "2.0.0"}]}]"#
            return #"{"id": "\#(id)", "affected": [{"package": {"ecosystem": "npm", "name": "\#(name)"}, \#(range)\#(entry)}]\#(top)}"#
        }
        let database = try database([
            record("GHSA-a", "a", top: #", "database_specific": {"severity": "MODERATE", "cwe_ids": []}"#),
            record("DEBIAN-b", "b", entry: #", "ecosystem_specific": {"urgency": "high"}"#),
            record("UBUNTU-c", "c", top: #", "severity": [{"type": "Ubuntu", "score": "negligible"}]"#),
            record("DEBIAN-d", "d", entry: #", "ecosystem_specific": {"urgency": "not yet assigned"}"#),
            record("GHSA-e", "e", top: #", "database_specific": {"severity": "LOW"}, "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}]"#),
        ])
        let packages = ["a", "b", "c", "d", "e"].map { InstalledPackage(type: .npm, name: $0, version: "1.0.0", purl: $0, locations: []) }
        let found = try VulnerabilityMatcher.match(packages, distribution: nil, database: database)
        #expect(found.map { "\($0.id) \($0.severity) \($0.score.map { "\($0)" } ?? "-")" }
                == ["GHSA-a medium -", "DEBIAN-b high -", "UBUNTU-c low -", "DEBIAN-d unknown -", "GHSA-e critical 9.8"])
    }
}
