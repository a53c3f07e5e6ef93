import Foundation
import Testing

/// Every bad input ends in a finding or in exactly one error line and exit status 2.
@Suite struct CommandLineBadInputTests {
    func expectOneErrorLine(_ outcome: PlimsollBinary.Outcome, containing text: String) {
        #expect(outcome.status == 2)
        #expect(outcome.stderr.hasPrefix("plimsoll: error: ") && outcome.stderr.contains(text), "\(outcome.stderr)")
        #expect(outcome.stderr.split(separator: "\n").count == 1, "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
    }

    @Test func missingFileDirectoryAndUnreadableFile() throws {
        let scratch = try Scratch()
        expectOneErrorLine(try PlimsollBinary.run(["lint", scratch.url.appendingPathComponent("nope").path]), containing: "no such file")
        expectOneErrorLine(try PlimsollBinary.run(["lint", scratch.url.path]), containing: "it is a directory")
        let locked = try scratch.write("locked", "FROM a\n")
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: locked.path)
        if getuid() != 0 {
            expectOneErrorLine(try PlimsollBinary.run(["lint", locked.path]), containing: "permission denied")
        }
        expectOneErrorLine(try PlimsollBinary.run(["check", scratch.url.appendingPathComponent("nope").path]), containing: "no such directory")
    }

    @Test func badOptions() throws {
        expectOneErrorLine(try PlimsollBinary.run(["lint", "--format", "xml"]), containing: "unknown format 'xml'")
        expectOneErrorLine(try PlimsollBinary.run(["lint", "--fail-on", "sometimes"]), containing: "--fail-on 'sometimes'")
        expectOneErrorLine(try PlimsollBinary.run(["lint", "--bogus"]), containing: "--bogus")
        expectOneErrorLine(try PlimsollBinary.run(["frobnicate"]), containing: "frobnicate")
        expectOneErrorLine(try PlimsollBinary.run(["lint", "--build-arg", "=x"]), containing: "--build-arg '=x'")
    }

    @Test func malformedConfigurationNamesTheKey() throws {
        let scratch = try Scratch()
        try scratch.write(".plimsoll.yaml", "ignore: [PD001]\nfailon: error\n")
        try scratch.write("Dockerfile", "FROM a:1\n")
        expectOneErrorLine(try PlimsollBinary.run(["lint"], in: scratch.url), containing: "unknown key 'failon'")
        let config = try scratch.write("bad.yaml", "rules: [")
        expectOneErrorLine(try PlimsollBinary.run(["lint", "--config", config.path], in: scratch.url), containing: "bad.yaml: not valid YAML")
    }

    /// Inputs that parse badly are findings (PD000/PD008), not crashes; the run still completes.
    @Test(arguments: [
        ("empty", Data()),
        ("binary", Data((0..<65536).map { UInt8(truncatingIfNeeded: $0 &* 2654435761 >> 7) })),
        ("invalid UTF-8", Data([0x46, 0x52, 0x4F, 0x4D, 0x20, 0xFF, 0xFE, 0x0A, 0x52, 0x55, 0x4E, 0x20, 0xC3, 0x28, 0x0A])),
        ("unterminated heredoc", Data("FROM a:1\nRUN <<EOF\necho\n".utf8)),
        ("unterminated JSON", Data("FROM a:1\nCMD [\"a\",\n".utf8)),
        ("unknown instruction", Data("FROM a:1\nFROB x\n".utf8)),
        ("continuations", Data(("FROM a:1\nRUN true" + String(repeating: " \\\n && true", count: 100_000) + "\n").utf8)),
        ("long line", Data(("FROM a:1\nRUN echo " + String(repeating: "x", count: 8_000_000) + "\n").utf8)),
    ])
    func malformedDockerfileIsAFinding(_ name: String, _ content: Data) throws {
        let scratch = try Scratch()
        let file = try scratch.write("Dockerfile", content).path
        let outcome = try PlimsollBinary.run(["lint", "--format", "json", "--fail-on", "never", file])
        #expect(outcome.status == 0, "\(name): \(outcome.stderr)")
        #expect(outcome.stderr.isEmpty, "\(name): \(outcome.stderr)")
        #expect(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) is [String: Any], "\(name)")
    }

    @Test func emptyAndUnknownAreErrorsAtTheirLine() throws {
        let scratch = try Scratch()
        let empty = try PlimsollBinary.run(["lint", try scratch.write("a", "").path])
        #expect(empty.status == 1 && empty.stdout.contains("error[PD000] file with no instructions"))
        let unknown = try PlimsollBinary.run(["lint", try scratch.write("b", "FROM a:1\nFROB x\n").path])
        #expect(unknown.stdout.contains(":2:1: error[PD008] unknown instruction: FROB"))
    }

    @Test func oversizedInputIsRefused() throws {
        let scratch = try Scratch()
        let file = scratch.url.appendingPathComponent("huge")
        FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: 200 << 20)
        try handle.close()
        expectOneErrorLine(try PlimsollBinary.run(["lint", file.path]), containing: "larger than 128 MiB")
    }
}

@Suite struct EnvironmentTests {
    @Test func todayIsFixedByEnvironmentAndValidated() throws {
        let scratch = try Scratch()
        let file = try scratch.write("Dockerfile", "FROM debian:11\nUSER app\n").path
        let lts = try PlimsollBinary.run(["lint", "--format", "json", file], environment: ["PLIMSOLL_TODAY": "2025-01-01"])
        #expect(lts.stdout.contains("\"severity\": \"info\"") && lts.status == 0)
        let ended = try PlimsollBinary.run(["lint", file], environment: ["PLIMSOLL_TODAY": "2026-09-01"])
        #expect(ended.stdout.contains("warning[PD050]") && ended.status == 1)
        let bad = try PlimsollBinary.run(["lint", file], environment: ["PLIMSOLL_TODAY": "yesterday"])
        #expect(bad.status == 2 && bad.stderr == "plimsoll: error: PLIMSOLL_TODAY must be a date like 2026-11-28\n")
    }
}
