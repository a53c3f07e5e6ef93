@testable import Checks
import DockerfileSyntax
import Foundation
import Testing

/// The ShellCheck pass with stand-in binaries: batching, bounds on script size and run time, and
/// how the binary is found. The real ShellCheck is exercised by the CLI tests.
@Suite struct ShellCheckRunnerTests {
    /// A stand-in ShellCheck that reports SC9999 on line 4 (the first RUN line) of every script
    /// it is given, then runs `after`; each run adds a line to `runs` beside it, and each script
    /// a line to `scripts`.
    static func fakeShellCheck(in directory: URL, after: String = "") throws -> String {
        let path = directory.appendingPathComponent("shellcheck").path
        let script = """
            #!/bin/sh
            echo run >> "\(directory.path)/runs"
            for f in "$@"; do case "$f" in *.sh) echo "$f" >> "\(directory.path)/scripts"; echo "$f:4:1: warning: planted [SC9999]";; esac; done
            \(after)
            """
        // Written with O_CLOEXEC: a descriptor inherited by a process another test spawns meanwhile
        // would make exec fail with "text file busy".
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        try #require(descriptor >= 0)
        let written = Array(script.utf8).withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        try #require(written == script.utf8.count)
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
        // 60 files of two RUNs each, all different: enough to be split over several processes.
        let sources = (0..<60).map { SourceFile(path: "D\($0)", text: "FROM a:1\n" + String(repeating: "\n", count: $0 % 3) + "RUN true \($0)\nRUN false \($0)\n") }
        let results = linter.lint(sources)
        for (index, findings) in results.enumerated() {
            #expect(Self.planted(findings) == [2 + index % 3, 3 + index % 3], "file \(index)")
        }
    }

    /// A RUN that several Dockerfiles share is one script, whatever else each file declares.
    @Test func theSameRunInSeveralFilesIsCheckedOnce() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let linter = Linter(shellcheck: ShellCheckRunner(executable: try Self.fakeShellCheck(in: directory)))
        let sources = ["ARG A=1", "ARG B=2", "ENV C=3"].enumerated().map { index, declaration in
            SourceFile(path: "D\(index)", text: "FROM a:1\n\(declaration)\nRUN apt-get update\nRUN echo \"$VERSION\"\n")
        }
        let results = linter.lint(sources)
        #expect(results.map(Self.planted) == [[3, 4], [3, 4], [3, 4]])
        let scripts = try String(contentsOf: directory.appendingPathComponent("scripts"), encoding: .utf8)
        #expect(scripts.split(separator: "\n").count == 2, "\(scripts)")
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

    static func runs(in directory: URL) -> Int {
        ((try? String(contentsOf: directory.appendingPathComponent("runs"), encoding: .utf8)) ?? "").split(separator: "\n").count
    }

    @Test func cachedScriptsAreNotCheckedAgainUntilTheScriptOrTheBinaryChanges() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let executable = try Self.fakeShellCheck(in: directory)
        func linter() throws -> Linter {
            let cache = try #require(ShellCheckCache(directory: directory.appendingPathComponent("cache").path, executable: executable))
            return Linter(shellcheck: ShellCheckRunner(executable: executable, cache: cache))
        }
        let file = SourceFile(path: "D", text: "FROM a:1\nRUN true\n")
        #expect(Self.planted(try linter().lint(file)) == [2] && Self.runs(in: directory) == 1)
        #expect(Self.planted(try linter().lint(file)) == [2] && Self.runs(in: directory) == 1, "the second run is answered from the cache")
        #expect(Self.planted(try linter().lint(SourceFile(path: "D", text: "FROM a:1\nRUN false\n"))) == [2] && Self.runs(in: directory) == 2)
        // A new ShellCheck (another modification time) may answer differently.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: executable)
        #expect(Self.planted(try linter().lint(file)) == [2] && Self.runs(in: directory) == 3)
        // A damaged entry is a miss, not an error.
        let entries = try #require(FileManager.default.enumerator(atPath: directory.appendingPathComponent("cache").path)?.allObjects as? [String])
        // Entries are shellcheck/<first two hex digits>/<32 hex digits of the key>.
        let keys = entries.map { $0.split(separator: "/") }.filter { $0.count == 3 }
        #expect(keys.count == 3 && keys.allSatisfy { $0[2].count == 32 && $0[2].hasPrefix($0[1])
                                                    && $0[2].allSatisfy { "0123456789abcdef".contains($0) } }, "\(keys)")
        var isDirectory: ObjCBool = false
        for entry in entries.map({ directory.appendingPathComponent("cache").appendingPathComponent($0) })
        where FileManager.default.fileExists(atPath: entry.path, isDirectory: &isDirectory) && !isDirectory.boolValue {
            try Data("garbage".utf8).write(to: entry)
        }
        #expect(Self.planted(try linter().lint(file)) == [2] && Self.runs(in: directory) == 4)
    }

    /// ARG and ENV names become `NAME=` assignments at the top of each script, so only names `sh` can assign.
    @Test func onlyShellNamesBecomeAssignments() {
        #expect(["A", "_x", "APP_2", "a1"].allSatisfy(ShellCheckScripts.isShellName))
        #expect(!["", "1A", "A-B", "A.B", "ÄPFEL", "A B", "{A}"].contains(where: ShellCheckScripts.isShellName))
    }

    @Test func aStoppedOrFailedShellCheckIsNotCached() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let executable = try Self.fakeShellCheck(in: directory, after: "exit 3")
        let cache = try #require(ShellCheckCache(directory: directory.appendingPathComponent("cache").path, executable: executable))
        let linter = Linter(shellcheck: ShellCheckRunner(executable: executable, cache: cache))
        let file = SourceFile(path: "D", text: "FROM a:1\nRUN true\n")
        #expect(Self.planted(linter.lint(file)).isEmpty && Self.planted(linter.lint(file)).isEmpty)
        #expect(Self.runs(in: directory) == 2, "a failed run is asked again next time")
    }

    @Test func shellCheckIsFoundOnPathOrNot() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try Self.fakeShellCheck(in: directory)
        #expect(ShellCheckRunner.onPath("/nonexistent:" + directory.path) == path)
        #expect(ShellCheckRunner.onPath("/nonexistent::") == nil)
        #expect(ShellCheckRunner.onPath(nil) == nil)
    }
}
