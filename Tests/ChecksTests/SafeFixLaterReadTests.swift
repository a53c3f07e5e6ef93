import Checks
import DockerfileSyntax
import Testing

/// A safe fix never removes what a later instruction reads: the package index a later RUN installs
/// from (issue 19's worst defect: `--fix` cleaned the apt lists of an update-only RUN, and the next
/// RUN's install found no package).
@Suite struct SafeFixLaterReadTests {
    /// Whether `rule` fires on the first RUN (line 2 or 3, after FROM) and how many safe fixes that finding carries.
    static func fixes(_ text: String, rule: String) -> (fired: Bool, safeFixes: Int) {
        let findings = Linter(today: RuleExampleTests.exampleDay).lint(SourceFile(path: "Dockerfile", text: text)).filter { $0.rule.id == rule }
        guard let first = findings.min(by: { $0.range.start.line < $1.range.start.line }) else { return (false, 0) }
        return (true, first.fix?.safety == .safe ? 1 : 0)
    }

    @Test(arguments: [
        // A later RUN installs from the lists or index this RUN downloaded: no safe fix.
        ("PD002", "FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n", 0),
        ("PD002", "FROM debian:12-slim AS base\nRUN apt-get update\nFROM base\nRUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n", 0),
        ("PD015", "FROM alpine:3.20\nRUN apk add curl\nRUN apk add jq\n", 0),
        // The later RUN fetches its own index first, or installs nothing: the fix stays safe.
        ("PD002", "FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl\nRUN apt-get update && apt-get install -y jq && rm -rf /var/lib/apt/lists/*\n", 1),
        ("PD002", "FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl\nRUN echo done\n", 1),
        ("PD015", "FROM alpine:3.20\nRUN apk add curl\nRUN apk add --no-cache jq\n", 1),
    ])
    func noSafeFixRemovesWhatALaterRunReads(_ rule: String, _ text: String, _ expected: Int) {
        let outcome = Self.fixes(text, rule: rule)
        #expect(outcome.fired, "\(rule) should still report the first RUN's layer")
        #expect(outcome.safeFixes == expected, "\(rule) on \(text.debugDescription)")
    }
}
