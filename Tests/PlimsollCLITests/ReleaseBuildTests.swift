import Foundation
import Testing

/// README's install command and the bench scripts' build must be the same build, and the code
/// order it links with must be there: the figures in bench/RESULTS.md are of that binary.
@Suite struct ReleaseBuildTests {
    static func text(_ path: String) throws -> String {
        try String(contentsOf: PlimsollBinary.repository.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func readmeInstallsTheBinaryTheBenchesMeasure() throws {
        let readme = try Self.text("README.md")
        var installed: [String] = []
        for line in readme[try #require(readme.range(of: "swift build -c release")).lowerBound...].split(separator: "\n") {
            installed += line.split(separator: " ").map(String.init).filter { $0 != "\\" }
            if !line.hasSuffix("\\") { break }
        }
        let bench = try Self.text("bench/release-build.sh")
        let array = bench[try #require(bench.range(of: "swift build -c release")).lowerBound...].prefix { $0 != ")" }
        let benched = array.split(whereSeparator: \.isWhitespace).map(String.init).filter { $0 != "--scratch-path" && $0 != ".build-static" }
        #expect(installed == benched)
        #expect(installed.contains("-function-sections") && installed.contains("--section-ordering-file=scripts/code-order.txt"))
    }

    @Test func theCodeOrderNamesFunctionSections() throws {
        let lines = try Self.text("scripts/code-order.txt").split(separator: "\n")
        #expect(lines.count > 1000, "regenerate with `bash scripts/generate-code-order.sh`")
        #expect(lines.allSatisfy { $0.hasPrefix(".text.") && !$0.contains(" ") })
        #expect(lines.contains(".text.PlimsollCLI_main"))
    }
}
