import DockerfileSyntax
import Foundation
import Testing

@Suite struct BuildKitConformanceTests {
    static let cases = SharedCorpus.entries("buildkit-parser").filter { !$0.contains(".") }
    static let negativeCases = SharedCorpus.entries("buildkit-parser-negative").filter { !$0.contains(".") }

    @Test(.enabled(if: SharedCorpus.root != nil, "../shared/corpus is absent"))
    func everyConformanceCaseIsThere() {
        #expect(Self.cases.count == 33)
        #expect(Self.negativeCases.count == 4)
    }

    @Test(arguments: cases)
    func dumpMatchesBuildKit(_ name: String) throws {
        let folder = try #require(SharedCorpus.folder("buildkit-parser")).appendingPathComponent(name)
        let input = try [UInt8](Data(contentsOf: folder.appendingPathComponent("Dockerfile")))
        let expected = try String(contentsOf: folder.appendingPathComponent("result"), encoding: .utf8)
        let parsed = try DockerfileParser.parse(SourceFile(path: name, bytes: input))
        #expect(ParseTreeDump.dump(parsed) + "\n" == expected)
    }

    @Test(arguments: negativeCases)
    func negativeCaseIsRejected(_ name: String) throws {
        let folder = try #require(SharedCorpus.folder("buildkit-parser-negative")).appendingPathComponent(name)
        let input = try [UInt8](Data(contentsOf: folder.appendingPathComponent("Dockerfile")))
        #expect(throws: DockerfileSyntaxError.self) {
            try DockerfileParser.parse(SourceFile(path: name, bytes: input))
        }
    }

    @Test func lineNumbersMatchBuildKit() throws {
        guard let folder = SharedCorpus.folder("buildkit-parser-lines") else { return }
        let input = try [UInt8](Data(contentsOf: folder.appendingPathComponent("Dockerfile")))
        let table = try String(contentsOf: folder.appendingPathComponent("expected-lines.tsv"), encoding: .utf8)
        let parsed = try DockerfileParser.parse(SourceFile(path: "Dockerfile", bytes: input))
        for row in table.split(separator: "\n").dropFirst() {
            let cells = row.split(separator: "\t").map(String.init)
            guard cells.count >= 3, cells[0].hasPrefix("child"), let index = Int(cells[0].dropFirst(5)) else { continue }
            #expect(parsed.instructions[index].startLine == Int(cells[1]), "\(cells[0]) start")
            #expect(parsed.instructions[index].endLine == Int(cells[2]), "\(cells[0]) end")
        }
    }
}
