import Foundation
import HostSystem
import Testing

@Suite struct SubprocessTests {
    @Test func capturesOutputAndErrorsSeparatelyWithTheExitStatus() throws {
        let outcome = try Subprocess.run("/bin/sh", ["-c", "echo out; echo err >&2; exit 3"], errors: .capture)
        #expect(outcome.status == 3 && !outcome.timedOut)
        #expect(String(decoding: outcome.output, as: UTF8.self) == "out\n" && String(decoding: outcome.errors, as: UTF8.self) == "err\n")
        let discarded = try Subprocess.run("sh", ["-c", "echo out; echo err >&2"])
        #expect(discarded.status == 0 && discarded.errors.isEmpty, "a bare name is looked up in PATH")
    }

    @Test func readsLargeOutputOnBothPipesWithoutDeadlock() throws {
        let outcome = try Subprocess.run("/bin/sh", ["-c", "head -c 300000 /dev/zero; head -c 300000 /dev/zero >&2"], errors: .capture)
        #expect(outcome.output.count == 300_000 && outcome.errors.count == 300_000)
    }

    @Test func aProgramPastItsTimeLimitIsKilled() throws {
        let outcome = try Subprocess.run("/bin/sh", ["-c", "sleep 5"], timeLimit: 0.2)
        #expect(outcome.timedOut && outcome.status == nil)
    }

    @Test func aMissingProgramIsALaunchError() {
        #expect(throws: Subprocess.LaunchError.self) { try Subprocess.run("/nonexistent/program", []) }
        #expect(throws: Subprocess.LaunchError.self) { try Subprocess.run("no-such-program-plimsoll", []) }
    }
}

@Suite struct HostPiecesTests {
    @Test func directoryListingsNameKindsWithoutFollowingLinks() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plimsoll-host-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory + "/sub", withIntermediateDirectories: true)
        try "x".write(toFile: directory + "/file", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: directory + "/link", withDestinationPath: directory + "/sub")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let entries = try #require(DirectoryListing.entries(of: directory + "/"))
        let kinds = Dictionary(uniqueKeysWithValues: entries.map { ($0.name, $0.kind) })
        #expect(kinds == ["sub": .directory, "file": .file, "link": .other])
        #expect(entries.first { $0.name == "file" }?.path == directory + "/file")
        #expect(DirectoryListing.entries(of: directory + "/missing") == nil)
    }

    @Test func trimmingHelpers() {
        #expect(" \t value \u{A0}\n".trimmingWhitespace() == "value", "Unicode white space, as Go's TrimSpace")
        #expect("\"quoted\"".trimmingCharacters(in: "\"") == "quoted")
        #expect("line\n\n".trimmingTrailing("\n") == "line" && "  a  ".trimmingTrailing(" ") == "  a")
        #expect(Substring(" 1.2 ").trimmingSpaces() == "1.2")
    }

    @Test func datesAreDayNumbers() {
        #expect(CivilDate.days("1970-01-01") == 0 && CivilDate.days("2026-12-07") == 20_794)
        #expect(CivilDate.days("2026-13-01") == nil && CivilDate.days("yesterday") == nil)
    }

    @Test func theCoreCountIsPositive() {
        #expect(ProcessorCount.online >= 1)
    }
}
