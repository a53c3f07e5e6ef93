import DockerfileSyntax
import Foundation
import Testing

/// Every real-world Dockerfile must parse and validate like BuildKit: cleanly, except the
/// files BuildKit itself rejects (`testfiles-negative`).
@Suite struct CorpusParseTests {
    static let files = SharedCorpus.entries("dockerfiles").filter { $0 != "SOURCES.tsv" }

    @Test(.enabled(if: SharedCorpus.root != nil, "../shared/corpus is absent"))
    func everyCorpusFileIsThere() {
        #expect(Self.files.count >= 540)
    }

    /// BuildKit's parser accepts or rejects each file exactly as BuildKit does; the build-level
    /// checks (unknown flags, instructions before FROM) fire only on BuildKit's parser fixtures,
    /// which were never meant to be built.
    @Test func everyFileParsesLikeBuildKit() throws {
        guard let folder = SharedCorpus.folder("dockerfiles") else { return }
        var unexpected: [String] = []
        for name in Self.files {
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
            let isNegative = name.contains("testfiles-negative")
            do {
                let dockerfile = try DockerfileParser.parse(SourceFile(path: name, bytes: bytes))
                if isNegative { unexpected.append("\(name): accepted, but BuildKit rejects it") }
                let problems = BuildGraph(dockerfile).problems
                if !problems.isEmpty, !name.contains("parser__testfiles__") {
                    unexpected.append("\(name): \(problems.map(\.description).joined(separator: "; "))")
                }
            } catch {
                if !isNegative { unexpected.append("\(name): \(error)") }
            }
        }
        #expect(unexpected.isEmpty, "\(unexpected.count) files:\n\(unexpected.joined(separator: "\n"))")
    }
}
