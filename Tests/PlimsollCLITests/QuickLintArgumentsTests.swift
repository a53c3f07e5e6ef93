@testable import PlimsollCLI
import Testing

/// The quick reading of `plimsoll lint` must agree with swift-argument-parser on every form it
/// takes, and leave every other form to it.
@Suite struct QuickLintArgumentsTests {
    @Test(arguments: [
        ["lint"], ["lint", "Dockerfile"], ["lint", "-f", "json", "a", "b"], ["lint", "a", "--format", "sarif", "--fail-on", "never", "b"],
        ["lint", "--no-shellcheck", "--no-cache", "--no-color", "-"], ["lint", "--fix", "--unsafe-fixes", "D"], ["lint", "--diff", "D"],
        ["lint", "--config", "c.yaml", "--target", "build", "--context", ".", "--shellcheck", "/usr/bin/shellcheck", "D"],
    ])
    func bothReadTheSameRun(_ arguments: [String]) throws {
        let quick = try #require(QuickLintArguments.parse(arguments))
        let parsed = try Lint.parse(Array(arguments.dropFirst()))
        #expect(quick == parsed.lintRun)
    }

    @Test(arguments: [
        ["lint", "--help"], ["lint", "-h"], ["lint", "--build-arg", "A=1"], ["lint", "--format=json"], ["lint", "-f"], ["lint", "--fix", "--fix"],
        ["lint", "-f", "json", "-f", "text"], ["lint", "--", "-x"], ["lint", "--config", "--fix"], ["lint", "--frobnicate"], ["check"], [],
    ])
    func otherFormsAreLeftToArgumentParser(_ arguments: [String]) {
        #expect(QuickLintArguments.parse(arguments) == nil)
    }
}
