import Foundation
import Testing

/// README's install command and the bench scripts' build must be the same build, and the code
/// order it links with must be there: the figures in bench/RESULTS.md are of that binary.
@Suite struct ReleaseBuildTests {
    static func text(_ path: String) throws -> String {
        try String(contentsOf: PlimsollBinary.repository.appendingPathComponent(path), encoding: .utf8)
    }

    /// `make install` → scripts/install.sh → scripts/stage.sh → scripts/release-build.sh, which the
    /// bench scripts source too; the tuned settings are spelled out only there.
    @Test func readmeInstallsTheBinaryTheBenchesMeasure() throws {
        #expect(try Self.text("README.md").contains("\nmake install "))
        let makefile = try Self.text("Makefile")
        let installTarget = try #require(makefile.components(separatedBy: "\ninstall:").dropFirst().first?.components(separatedBy: "\n\n").first)
        #expect(installTarget.contains("bash scripts/install.sh"))
        #expect(try Self.text("scripts/install.sh").contains("bash scripts/stage.sh"))
        #expect(try Self.text("scripts/stage.sh").contains("source scripts/release-build.sh"))
        #expect(try Self.text("bench/release-build.sh").contains("source scripts/release-build.sh"))
        let build = try Self.text("scripts/release-build.sh")
        for setting in ["-static-executable", "-disable-concrete-type-metadata-mangled-name-accessors", "-function-sections",
                        "--section-ordering-file=scripts/code-order.txt"] {
            #expect(build.contains(setting))
        }
        let everywhere = try ["README.md", "Makefile", "scripts/install.sh", "scripts/stage.sh", "bench/release-build.sh"].map(Self.text)
        #expect(!everywhere.contains { $0.contains("-function-sections") }, "the tuned settings live in scripts/release-build.sh only")
    }

    @Test func theCodeOrderNamesFunctionSections() throws {
        let lines = try Self.text("scripts/code-order.txt").split(separator: "\n")
        #expect(lines.count > 1000, "regenerate with `bash scripts/generate-code-order.sh`")
        #expect(lines.allSatisfy { $0.hasPrefix(".text.") && !$0.contains(" ") })
        #expect(lines.contains(".text.PlimsollCLI_main"))
    }
}
