import Foundation
import ImageFixtures
import Testing

/// The binary lints the whole real-world corpus in one process: only BuildKit's negative
/// fixtures are syntax errors, and every other file yields a well-formed report.
@Suite struct CorpusLintTests {
    @Test(.enabled(if: Prerequisite.sharedCorpus, "../shared/corpus is absent"))
    func onlyNegativeFixturesAreSyntaxErrors() throws {
        let folder = Prerequisite.shared("corpus/dockerfiles")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let files = names.filter { $0 != "SOURCES.tsv" }.sorted()
        #expect(files.count >= 540)
        let outcome = try PlimsollBinary.run(["lint", "--format", "json", "--fail-on", "never"] + files, in: folder)
        #expect(outcome.status == 0 && outcome.stderr.isEmpty, "\(outcome.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let findings = try #require(document["findings"] as? [[String: Any]])
        let syntaxErrors = Set(findings.filter { $0["rule"] as? String == "PD000" }.compactMap { $0["file"] as? String })
        #expect(syntaxErrors == Set(files.filter { $0.contains("testfiles-negative") }))
        #expect(findings.contains { $0["rule"] as? String == "PD002" })
    }
}
