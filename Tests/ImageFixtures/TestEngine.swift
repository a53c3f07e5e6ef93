import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// podman's Docker-compatible API (`podman system service`) on a Unix socket in a temporary
/// folder, with its own vfs storage, so a test can load an image and read it as `docker-daemon:`.
public final class TestEngine: @unchecked Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// podman, which `.ci/run` installs.
    public static let available = Prerequisite.runs(["podman", "--version"])

    public let directory: URL
    public var socket: String { directory.appendingPathComponent("podman.sock").path }
    /// `DOCKER_HOST` for the service.
    public var dockerHost: String { "unix://" + socket }
    private let process: Process

    public init() throws {
        directory = URL(fileURLWithPath: "/tmp/plimsoll-engine-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["podman"] + Self.storage(directory) + ["system", "service", "--time", "0", dockerHost]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<200 where !FileManager.default.fileExists(atPath: socket) {
            guard process.isRunning else { throw Failure(description: "podman system service exited at start") }
            usleep(25_000)
        }
        guard FileManager.default.fileExists(atPath: socket) else { throw Failure(description: "podman made no socket within 5 s") }
    }

    deinit { stop() }

    public func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        _ = try? ExternalTool.run(["podman"] + Self.storage(directory) + ["system", "reset", "--force"])
        try? FileManager.default.removeItem(at: directory)
    }

    /// `podman load -i ARCHIVE` into this engine's storage.
    public func load(_ archive: String) throws {
        let outcome = try ExternalTool.run(["podman"] + Self.storage(directory) + ["load", "-q", "-i", archive], mergingErrors: true)
        guard outcome.status == 0 else { throw Failure(description: "podman load failed: \(outcome.text)") }
    }

    private static func storage(_ directory: URL) -> [String] {
        ["--root", directory.appendingPathComponent("root").path, "--runroot", directory.appendingPathComponent("run").path,
         "--storage-driver", "vfs", "--cgroup-manager", "cgroupfs", "--events-backend", "none"]
    }
}
