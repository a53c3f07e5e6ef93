@testable import BuildContext
import Foundation
import Testing

/// Every reference row transcribed from moby/patternmatcher, BuildKit and moby must hold.
@Suite struct DockerignoreConformanceTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var patterns: [String]
        var path: String
        var excluded: Bool
        var api: String
        var isIgnoreFile: Bool
        var expectsError: Bool
        var source: String
        var testDescription: String { "\(patterns) \(path) → \(excluded) (\(source))" }
    }

    static let cases: [Case] = SharedCorpus.table("dockerignore-cases.tsv").map { row in
        Case(patterns: SharedCorpus.json(row["patterns_json"] ?? "[]") as? [String] ?? [],
             path: row["path"] ?? "", excluded: row["excluded"] == "true", api: row["api"] ?? "",
             isIgnoreFile: row["patterns_kind"] == "dockerignore_file", expectsError: !(row["expect_error"] ?? "").isEmpty,
             source: row["source"] ?? "")
    }

    @Test(.enabled(if: SharedCorpus.root != nil, "../shared/corpus is absent"))
    func everyReferenceCaseIsThere() {
        #expect(Self.cases.count == 221)
    }

    @Test(arguments: cases)
    func referenceCase(_ row: Case) {
        let patterns = row.isIgnoreFile ? IgnoreFile.read(text: row.patterns.joined(separator: "\n")).map(\.pattern) : row.patterns
        let matcher: PatternMatcher
        do {
            matcher = try PatternMatcher(patterns)
        } catch {
            #expect(row.expectsError, "unexpected error \(error)")
            return
        }
        #expect(!row.expectsError, "expected an error")
        if row.api == "Matches" {
            #expect(matcher.excludesCleaned(row.path) == row.excluded)
            return
        }
        #expect(matcher.excludes(row.path) == row.excluded)
        if row.api.contains("MatchesUsingParentResults") {
            // Walk from the top, handing each directory's results to its child, as the context walker does.
            var results = PatternMatcher.ParentResults.root
            var prefix = ""
            for component in row.path.split(separator: "/", omittingEmptySubsequences: false) {
                prefix = prefix.isEmpty ? String(component) : prefix + "/" + component
                results = matcher.evaluate(Array(prefix.utf8), parent: results)
            }
            #expect(results.excluded == row.excluded, "with parent results")
            #expect(matcher.evaluate(Array(row.path.utf8), parent: .root).excluded == row.excluded, "without parent results")
        }
    }

    static let parseCases = SharedCorpus.table("dockerignore-parse-cases.tsv")

    @Test func readerAndConstructorCases() {
        for row in Self.parseCases {
            let name = row["case"] ?? ""
            let input = SharedCorpus.json(row["input_json"] ?? "null")
            let expected = SharedCorpus.json(row["expected_json"] ?? "null")
            switch row["stage"] {
            case "ReadAll":
                let text = input as? String ?? ""
                #expect(IgnoreFile.read(text: text).map(\.pattern) == expected as? [String], "\(name)")
            case "New":
                let patterns = input as? [String] ?? []
                let property = expected as? [String: Any] ?? [:]
                let matcher = try? PatternMatcher(patterns)
                if let count = property["patterns_count"] as? Int { #expect(matcher?.patterns.count == count, "\(name)") }
                if let exceptions = property["exclusions"] as? Bool { #expect(matcher?.hasExceptions == exceptions, "\(name)") }
                if property["error"] is String || property["match_error"] is String { #expect(matcher == nil, "\(name) must be rejected") }
            default:
                let lines = IgnoreFile.read(text: input as? String ?? "")
                #expect(throws: IgnorePatternError.self, "\(name)") { try PatternMatcher(lines) }
            }
        }
        if SharedCorpus.root != nil { #expect(Self.parseCases.count == 15) }
    }

    static let compileCases = SharedCorpus.table("dockerignore-compile-cases.tsv")

    @Test func compiledKindsMatchPatternmatcher() throws {
        for row in Self.compileCases {
            let pattern = try IgnorePattern(row["pattern"] ?? "")
            let kind: String
            switch pattern.kind {
            case .exact: kind = "exactMatch"
            case .prefix: kind = "prefixMatch"
            case .suffix: kind = "suffixMatch"
            case .tokens: kind = "regexpMatch"
            }
            #expect(kind == row["match_type"], "\(row["pattern"] ?? "")")
        }
    }

    @Test func everyRealDockerignoreParses() throws {
        guard let folder = SharedCorpus.root?.appendingPathComponent("dockerignore") else { return }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "SOURCES.tsv" }
        #expect(names.count >= 39)
        for name in names {
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
            let lines = IgnoreFile.read(bytes)
            #expect(throws: Never.self, "\(name)") { _ = try PatternMatcher(lines) }
        }
    }
}
