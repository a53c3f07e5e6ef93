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

    /// README's Architecture section has a paragraph for every target Package.swift declares, and none for one it does not.
    @Test func architectureNamesEveryTargetOfThePackage() throws {
        let readme = try String(contentsOf: ExternalCheck.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let manifest = try String(contentsOf: ExternalCheck.repository.appendingPathComponent("Package.swift"), encoding: .utf8)
            .filter { !$0.isWhitespace }
        let section = try #require(readme.components(separatedBy: "## Architecture").dropFirst().first?.components(separatedBy: "\n## ").first)
        func names(after marker: String, in text: String) -> Set<String> {
            Set(text.components(separatedBy: marker).dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) })
        }
        let targets = names(after: ".target(name:\"", in: manifest).union(names(after: ".systemLibrary(name:\"", in: manifest))
            .union(names(after: ".executableTarget(name:\"", in: manifest)).subtracting(["ImageFixtures"])
        let described = Set(section.components(separatedBy: "\n* **").dropFirst().compactMap { $0.components(separatedBy: "**").first }
            .flatMap { $0.components(separatedBy: ", ") })
        #expect(described == targets, "README describes \(described.subtracting(targets).sorted()), lacks \(targets.subtracting(described).sorted())")
    }
}
