import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real CNCF distribution registry (Debian's `docker-registry`) on 127.0.0.1, started by a test
/// with a config.yml written here (random port, temporary storage), optionally with bcrypt htpasswd
/// Basic auth or TLS from a self-signed certificate, and seeded with `skopeo copy`.
public final class TestRegistry: @unchecked Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public enum Security: Sendable {
        case none
        case basic(user: String, password: String)
        case tls
    }

    /// docker-registry, skopeo, openssl and htpasswd (apache2-utils), which `.ci/run` installs.
    public static let available = Prerequisite.runs(["docker-registry", "--version"]) && Prerequisite.runs(["skopeo", "--version"])
        && Prerequisite.runs(["openssl", "version"]) && FileManager.default.isExecutableFile(atPath: "/usr/bin/htpasswd")

    public let port: UInt16
    public let directory: URL
    public let security: Security
    /// The PEM certificate clients must trust, for `.tls`.
    public var certificate: String { directory.appendingPathComponent("cert.pem").path }
    public var host: String { "127.0.0.1:\(port)" }
    private let process: Process

    public init(security: Security = .none) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("plimsoll-registry-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("storage"), withIntermediateDirectories: true)
        self.security = security
        port = try Self.freePort()
        var config = """
            version: 0.1
            log:
              level: error
              accesslog:
                disabled: true
            storage:
              filesystem:
                rootdirectory: \(directory.path)/storage
              delete:
                enabled: true
            http:
              addr: 127.0.0.1:\(port)
              secret: \(UUID().uuidString)

            """
        switch security {
        case .none:
            break
        case .basic(let user, let password):
            let hash = try ExternalTool.run(["htpasswd", "-Bbn", user, password])
            guard hash.status == 0 else { throw Failure(description: "htpasswd failed") }
            try Data(hash.output).write(to: directory.appendingPathComponent("htpasswd"))
            config += """
                auth:
                  htpasswd:
                    realm: plimsoll-test
                    path: \(directory.path)/htpasswd

                """
        case .tls:
            let made = try ExternalTool.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                                             "-keyout", directory.appendingPathComponent("key.pem").path,
                                             "-out", directory.appendingPathComponent("cert.pem").path,
                                             "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"], mergingErrors: true)
            guard made.status == 0 else { throw Failure(description: "openssl req failed: \(made.text)") }
            config = config.replacingOccurrences(of: "  secret:", with: """
                  tls:
                    certificate: \(directory.path)/cert.pem
                    key: \(directory.path)/key.pem
                  secret:
                """)
        }
        let configPath = directory.appendingPathComponent("config.yml")
        try config.write(to: configPath, atomically: true, encoding: .utf8)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/docker-registry")
        process.arguments = ["serve", configPath.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        try waitUntilListening()
    }

    deinit { stop() }

    public func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// `skopeo copy oci:LAYOUT[:TAG] docker://HOST/NAME`, e.g. `push(layout, as: "app:1")`.
    public func push(_ layout: String, tag: String? = nil, as name: String) throws {
        var arguments = ["skopeo", "--insecure-policy", "copy", "--quiet"]
        switch security {
        case .none: arguments += ["--dest-tls-verify=false"]
        case .basic(let user, let password): arguments += ["--dest-tls-verify=false", "--dest-creds", user + ":" + password]
        case .tls: arguments += ["--dest-cert-dir", try certificateDirectory()]
        }
        arguments += ["oci:" + layout + (tag.map { ":" + $0 } ?? ""), "docker://\(host)/\(name)"]
        let outcome = try ExternalTool.run(arguments, mergingErrors: true)
        guard outcome.status == 0 else { throw Failure(description: "skopeo copy failed: \(outcome.text)") }
    }

    /// skopeo trusts a folder of `*.crt` files.
    private func certificateDirectory() throws -> String {
        let folder = directory.appendingPathComponent("certs")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let copy = folder.appendingPathComponent("ca.crt")
        if !FileManager.default.fileExists(atPath: copy.path) { try FileManager.default.copyItem(atPath: certificate, toPath: copy.path) }
        return folder.path
    }

    private func waitUntilListening() throws {
        for _ in 0..<200 {
            guard process.isRunning else { throw Failure(description: "docker-registry exited at start (status \(process.terminationStatus))") }
            if Self.accepts(port) { return }
            usleep(25_000)
        }
        throw Failure(description: "docker-registry did not listen on \(port) within 5 s")
    }

    private static func accepts(_ port: UInt16) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = port.bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    /// A port the kernel just gave out and took back; the registry binds it a moment later.
    static func freePort() throws -> UInt16 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw Failure(description: "bind: \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return UInt16(bigEndian: address.sin_port)
    }
}
