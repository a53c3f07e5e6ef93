@testable import Advisories
import Foundation
import ImageFixtures
import Testing

@Suite struct LanguageVersionTests {
    @Test(.enabled(if: Prerequisite.sharedCorpus, "../shared/corpus is absent"))
    func semverComparisonsFromNodeSemverAndTheSpec() throws {
        let rows = try vectorRows("semver_cmp.tsv")
        for row in rows {
            let a = try #require(SemanticVersion(row[0]), "\(row[0])")
            let b = try #require(SemanticVersion(row[1]), "\(row[1])")
            #expect(sign(SemanticVersion.compare(a, b)) == Int(row[2]), "\(row[0]) vs \(row[1])")
        }
        #expect(SemanticVersion("1.2") == nil && SemanticVersion("1.2.3-") == nil && SemanticVersion("1.2.3-a..b") == nil)
        #expect(SemanticVersion("v1.2.3+build.5") == SemanticVersion("1.2.3"))
    }

    @Test(.enabled(if: Prerequisite.sharedCorpus, "../shared/corpus is absent"))
    func pep440ComparisonsAndTheSortedListFromPackaging() throws {
        let rows = try vectorRows("pep440_cmp.tsv")
        for row in rows {
            let a = try #require(PEP440Version(row[0]), "\(row[0])")
            let b = try #require(PEP440Version(row[1]), "\(row[1])")
            #expect(sign(PEP440Version.compare(a, b)) == Int(row[2]), "\(row[0]) vs \(row[1])")
        }
        let text = try String(contentsOf: versionCorpus.appendingPathComponent("pep440_sorted_versions.txt"), encoding: .utf8)
        let sorted = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { PEP440Version(String($0)) }
        #expect(sorted.count == 92)
        #expect(zip(sorted, sorted.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test(.enabled(if: Prerequisite.sharedCorpus, "../shared/corpus is absent"))
    func pep440NormalisationAndRejection() throws {
        let rows = try vectorRows("pep440_normalization.tsv")
        for row in rows { #expect(PEP440Version(row[0])?.description == row[1], "\(row[0])") }
        guard let text = try? String(contentsOf: versionCorpus.appendingPathComponent("pep440_invalid_versions.txt"), encoding: .utf8) else { return }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) where !line.hasPrefix("#") && !line.isEmpty {
            #expect(PEP440Version(String(line)) == nil, "\(line) must be invalid")
        }
    }

    /// plimsoll against Python's `packaging` on generated versions.
    @Test(.enabled(if: Prerequisite.python("packaging.version"), "python3 packaging is not installed (pip install packaging)"))
    func pep440AgreesWithPythonPackaging() throws {
        var generator = SeededGenerator(seed: 440)
        let parts = ["a", "b", "rc", "c", ".post", "-", ".dev", "post", "dev", "+local", "+1.abc", "!", "alpha", "pre", "rev", ".", "_"]
        var versions: [String] = []
        for _ in 0..<1200 {
            var text = String(Int.random(in: 0...3, using: &generator))
            for _ in 0..<Int.random(in: 0...4, using: &generator) {
                text += parts.randomElement(using: &generator)! + (Bool.random(using: &generator) ? String(Int.random(in: 0...12, using: &generator)) : "")
            }
            versions.append(text)
        }
        let script = #"""
            import sys
            from packaging.version import Version, InvalidVersion
            versions = sys.stdin.read().split("\n")
            parsed = []
            for text in versions:
                try: parsed.append(Version(text))
                except InvalidVersion: parsed.append(None)
            for a, b in zip(parsed, parsed[1:]):
                if a is None or b is None: print("x")
                else: print(-1 if a < b else (1 if a > b else 0), str(a), str(b))
            """#
        let lines = try ExternalTool.run(["python3", "-c", script], input: Array(versions.joined(separator: "\n").utf8)).text.split(separator: "\n")
        try #require(lines.count == versions.count - 1)
        var compared = 0
        for (index, line) in lines.enumerated() {
            let a = PEP440Version(versions[index])
            let b = PEP440Version(versions[index + 1])
            if line == "x" {
                #expect(a == nil || b == nil, "packaging rejects one of \(versions[index]), \(versions[index + 1])")
                continue
            }
            let fields = line.split(separator: " ").map(String.init)
            guard let a, let b else {
                Issue.record("packaging accepts \(versions[index]) and \(versions[index + 1])")
                continue
            }
            compared += 1
            #expect(sign(PEP440Version.compare(a, b)) == Int(fields[0]), "\(versions[index]) vs \(versions[index + 1])")
            #expect(a.description == fields[1] && b.description == fields[2], "normalised: \(a) \(b) vs \(fields[1]) \(fields[2])")
        }
        #expect(compared > 200, "only \(compared) generated pairs were both valid")
    }
}
