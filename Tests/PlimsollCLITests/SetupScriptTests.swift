import Foundation
import ImageFixtures
import Testing

/// The set-up scripts behind `make`, on machines that lack what they need: each stops with one line
/// that says what to do, and exit status 2, before building anything.
@Suite struct SetupScriptTests {
    /// Runs `bash SCRIPT ARGUMENTS` with only `PATH` (and HOME) set, optionally as the nobody user;
    /// the scripts write only to standard error.
    static func run(_ script: String, _ arguments: [String], path: String, asNobody: Bool = false) throws -> ExternalTool.Outcome {
        let command = ["env", "-i", "PATH=" + path, "HOME=/tmp", "/bin/bash", PlimsollBinary.repository.appendingPathComponent(script).path] + arguments
        return try ExternalTool.run((asNobody ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []) + command, mergingErrors: true)
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

    static func expectOneLine(_ outcome: ExternalTool.Outcome, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(outcome.status == 2, "\(outcome.text)", sourceLocation: sourceLocation)
        #expect(outcome.text.split(separator: "\n").count == 1 && outcome.text.contains(message), "\(outcome.text)",
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
