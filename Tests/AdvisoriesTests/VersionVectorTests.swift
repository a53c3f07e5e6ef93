@testable import Advisories
import Foundation
import ImageFixtures
import Testing

let versionCorpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared/corpus/versions")

/// The rows of a corpus TSV (header dropped); tests that read them are enabled only with ../shared.
func vectorRows(_ name: String) throws -> [[String]] {
    let text = try String(contentsOf: versionCorpus.appendingPathComponent(name), encoding: .utf8)
    return text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().filter { !$0.isEmpty }
        .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
}

func sign(_ value: Int) -> Int { value < 0 ? -1 : (value > 0 ? 1 : 0) }

@Suite struct VersionVectorTests {
    /// dpkg 1.21 (the one on this machine) rejects these as bad syntax; upstream's newer tests compare them.
    static let dpkgVersionDependent: Set<String> = ["0foo-", "-0.6.5", "0:0-"]

    @Test(.enabled(if: Prerequisite.sharedCorpus, "../shared/corpus is absent"))
    func dpkgComparisonsFromDpkgsOwnTests() throws {
        let rows = try vectorRows("dpkg_version_cmp.tsv")
        var checked = 0
        for row in rows where !Self.dpkgVersionDependent.contains(row[0]) && !Self.dpkgVersionDependent.contains(row[1]) {
            let a = try #require(DpkgVersion(row[0]), "\(row[0])")
            let b = try #require(DpkgVersion(row[1]), "\(row[1])")
            #expect(sign(DpkgVersion.compare(a, b)) == Int(row[2]), "\(row[0]) vs \(row[1])")
            checked += 1
        }
        #expect(checked == 54)
    }

    @Test(.enabled(if: Prerequisite.sharedCorpus, "../shared/corpus is absent"))
    func dpkgRejectsWhatDpkgRejects() throws {
        let rows = try vectorRows("dpkg_invalid_versions.tsv")
        for row in rows { #expect(DpkgVersion(row[0]) == nil, "\(row[0].debugDescription): \(row[1])") }
    }

    @Test(.enabled(if: Prerequisite.sharedCorpus, "../shared/corpus is absent"))
    func rpmComparisonsFromRpmsOwnTests() throws {
        let rows = try vectorRows("rpm_vercmp.tsv")
        for row in rows { #expect(sign(RPMVersion.vercmp(row[0], row[1])) == Int(row[2]), "\(row[0]) vs \(row[1])") }
        #expect(rows.count == 91)
    }

    @Test func rpmEpochVersionRelease() throws {
        let order = ["1.0-1.el9", "1.0-2.el9", "1.0.1-1.el9", "1.1~rc1-1", "1.1-1", "1.1^git1-1", "1:0.1-1"]
        let versions = try order.map { try #require(RPMVersion($0)) }
        for (earlier, later) in zip(versions, versions.dropFirst()) { #expect(earlier < later, "\(earlier) < \(later)") }
        #expect(RPMVersion("1.0") == RPMVersion("1.0-5"), "a missing release matches any release")
        #expect(RPMVersion("") == nil && RPMVersion("x:1.0") == nil)
    }
}
