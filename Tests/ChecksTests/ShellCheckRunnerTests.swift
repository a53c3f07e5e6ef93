import Checks
import DockerfileSyntax
import Foundation
import Testing

/// The ShellCheck pass with stand-in binaries: batching, bounds on script size and run time, and
/// how the binary is found. The real ShellCheck is exercised by the CLI tests.
@Suite struct ShellCheckRunnerTests {
    /// A stand-in ShellCheck that reports SC9999 on line 4 (the first RUN line) of every script
    /// it is given, then runs `after`.
    static func fakeShellCheck(in directory: URL, after: String = "") throws -> String {
        let path = directory.appendingPathComponent("shellcheck").path
        let script = """
            #!/bin/sh
            for f in "$@"; do case "$f" in *.sh) echo "$f:4:1: warning: planted [SC9999]";; esac; done
            \(after)
            """
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("plimsoll-shellcheck-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func planted(_ findings: [Finding]) -> [Int] {
        findings.filter { $0.rule.id == "SC9999" }.map(\.range.start.line)
    }

    @Test func aBatchOfFilesGetsEachItsOwnComments() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let linter = Linter(shellcheck: ShellCheckRunner(executable: try Self.fakeShellCheck(in: directory)))
        // 60 files of two RUNs each: enough to be split over several processes.
        let sources = (0..<60).map { SourceFile(path: "D\($0)", text: "FROM a:1\n" + String(repeating: "\n", count: $0 % 3) + "RUN true\nRUN false\n") }
        let results = linter.lint(sources)
        for (index, findings) in results.enumerated() {
            #expect(Self.planted(findings) == [2 + index % 3, 3 + index % 3], "file \(index)")
        }
    }

    @Test func aScriptTooLargeForShellCheckIsLeftOut() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let linter = Linter(shellcheck: ShellCheckRunner(executable: try Self.fakeShellCheck(in: directory)))
        let huge = "RUN echo " + String(repeating: "x", count: 70_000) + "\n"
        let findings = linter.lint(SourceFile(path: "D", text: "FROM a:1\n" + huge + "RUN true\n"))
        #expect(Self.planted(findings) == [3])
        #expect(Self.planted(linter.lint(SourceFile(path: "D", text: "FROM a:1\n" + huge))).isEmpty)
    }

    @Test func aShellCheckThatRunsTooLongIsStoppedAndReportsNothing() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let slow = ShellCheckRunner(executable: try Self.fakeShellCheck(in: directory, after: "exec sleep 30"), timeLimit: 1)
        // Had the time limit not stopped it, the comment printed before the sleep would be reported.
        #expect(Self.planted(Linter(shellcheck: slow).lint(SourceFile(path: "D", text: "FROM a:1\nRUN true\n"))).isEmpty)
    }

    @Test func shellCheckIsFoundOnPathOrNot() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try Self.fakeShellCheck(in: directory)
        #expect(ShellCheckRunner.onPath("/nonexistent:" + directory.path)?.executable == path)
        #expect(ShellCheckRunner.onPath("/nonexistent::") == nil)
        #expect(ShellCheckRunner.onPath(nil) == nil)
    }
}
