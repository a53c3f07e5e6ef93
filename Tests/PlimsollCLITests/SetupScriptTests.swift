import Foundation
import Testing

/// The set-up scripts behind `make`, on machines that lack what they need: each stops with one line
/// that says what to do, and exit status 2, before building anything.
@Suite struct SetupScriptTests {
    struct Outcome {
        var status: Int32
        var stderr: String
    }

    /// Runs `bash SCRIPT ARGUMENTS` with only `PATH` (and HOME) set, optionally as the nobody user.
    static func run(_ script: String, _ arguments: [String], path: String, asNobody: Bool = false) throws -> Outcome {
        let process = Process()
        let command = ["/bin/bash", PlimsollBinary.repository.appendingPathComponent(script).path] + arguments
        process.executableURL = URL(fileURLWithPath: asNobody ? "/usr/bin/setpriv" : command[0])
        process.arguments = asNobody ? ["--reuid=65534", "--regid=65534", "--clear-groups"] + command : Array(command.dropFirst())
        process.environment = ["PATH": path, "HOME": "/tmp"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stderr: String(decoding: data, as: UTF8.self))
    }

    /// A folder with a stand-in `swift` and links to the few tools the script itself uses.
    static func toolbox(_ tools: [String]) throws -> Scratch {
        let scratch = try Scratch()
        let swift = try scratch.write("bin/swift", "#!/bin/sh\nexit 0\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: swift.path)
        for tool in tools {
            try FileManager.default.createSymbolicLink(atPath: scratch.url.appendingPathComponent("bin/" + tool).path, withDestinationPath: "/usr/bin/" + tool)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: scratch.url.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: scratch.url.appendingPathComponent("bin").path)
        return scratch
    }

    static func expectOneLine(_ outcome: Outcome, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(outcome.status == 2, "\(outcome.stderr)", sourceLocation: sourceLocation)
        #expect(outcome.stderr.split(separator: "\n").count == 1 && outcome.stderr.contains(message), "\(outcome.stderr)",
                sourceLocation: sourceLocation)
    }

    @Test func aMissingSwiftSaysWhereToGetIt() throws {
        Self.expectOneLine(try Self.run("scripts/install-dependencies.sh", ["build"], path: "/usr/bin:/bin"), "Swift 6 is not installed")
    }

    @Test func noPackageManagerNamesWhatToInstall() throws {
        let box = try Self.toolbox(["id", "dirname", "cat"])
        let outcome = try Self.run("scripts/install-dependencies.sh", ["test"], path: box.url.appendingPathComponent("bin").path)
        Self.expectOneLine(outcome, "no apt-get, dnf or brew here: install gzip zstd curl openssl")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") && getuid() == 0, "needs root and setpriv to act as nobody"))
    func withoutRootOrSudoItSaysWhatToRun() throws {
        let box = try Self.toolbox(["id", "dirname", "cat", "apt-get"])
        let outcome = try Self.run("scripts/install-dependencies.sh", ["test"], path: box.url.appendingPathComponent("bin").path, asNobody: true)
        Self.expectOneLine(outcome, "these need root: run `sudo apt-get install -y -qq gzip zstd curl openssl")
    }

    @Test func anUnwritablePrefixStopsBeforeBuilding() throws {
        let outcome = try Self.run("scripts/install.sh", ["/proc/plimsoll"], path: "/usr/bin:/bin")
        Self.expectOneLine(outcome, "cannot write to /proc/plimsoll: run `sudo make install`, or `make install PREFIX=$HOME/.local`")
    }
}
