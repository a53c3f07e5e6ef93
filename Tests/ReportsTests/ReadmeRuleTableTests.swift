import Foundation
import Reports
import Testing

/// README's rule table is generated from the registry; this fails when it is out of date.
@Suite struct ReadmeRuleTableTests {
    @Test func readmeTableMatchesTheRegistry() throws {
        let readme = try String(contentsOf: ExternalCheck.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = try #require(readme.range(of: RuleDocumentation.readmeBegin), "README lacks the rules:begin marker")
        let end = try #require(readme.range(of: RuleDocumentation.readmeEnd), "README lacks the rules:end marker")
        let table = String(readme[begin.upperBound..<end.lowerBound]).trimmingCharacters(in: .newlines)
        let expected = RuleDocumentation.markdownTable().trimmingCharacters(in: .newlines)
        #expect(table == expected, "regenerate with `swift run plimsoll rules --format markdown`")
    }
}
