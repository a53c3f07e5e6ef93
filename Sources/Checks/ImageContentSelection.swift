import ContainerImage
import SecretScanning

/// Which files' contents the image rules need, decided per tar entry from its path and size while
/// the layers stream: account databases, the OS release, the entrypoint binary's header, files
/// with credential names, and small configuration-like files outside system directories.
/// Everything else is skipped unread.
public struct ImageContentSelection: Sendable {
    /// Paths (relative, cleaned) the entrypoint may run: read for their ELF header.
    public var programPaths: Set<String>
    /// `sensitive-files` from `.plimsoll.yaml`.
    let sensitivePatterns: ImagePathPatterns

    public init(configuration: ImageConfiguration?, settings: Configuration = Configuration()) {
        programPaths = Self.programPaths(configuration?.config)
        sensitivePatterns = .compiled(settings.sensitiveFiles)
    }

    static let accountFiles: Set<String> = ["etc/passwd", "etc/group", "etc/shadow"]
    /// Content under these is the distribution's or an installed package's, never the application's secrets.
    static let skippedPrefixes = [
        "usr/share/", "usr/include/", "usr/lib/", "usr/lib64/", "usr/libexec/", "usr/local/lib/", "lib/", "lib64/", "usr/src/",
        "etc/ssl/", "etc/ca-certificates", "etc/pki/", "var/lib/dpkg/", "var/lib/apt/", "var/lib/rpm/", "var/cache/",
        "var/log/", "proc/", "sys/", "dev/", "usr/bin/", "usr/sbin/", "bin/", "sbin/",
    ]
    static let skippedSegments = ["/node_modules/", "/site-packages/", "/dist-packages/", ".dist-info/", ".egg-info/",
                                  "/test/", "/tests/", "/testdata/", "/example/", "/examples/", "/__pycache__/"]

    /// Bytes to read of a regular file (0: none).
    public func bytesWanted(path: String, size: Int64) -> Int {
        if Self.accountFiles.contains(path) { return SecretScanner.byteLimit }
        if OSRelease.paths.contains(path) { return 4096 }
        if programPaths.contains(path) { return 4096 }
        if SensitiveFile.isCandidate(path), !Self.isSkipped(path) { return SecretScanner.byteLimit }
        if sensitivePatterns.matches(path) { return SecretScanner.byteLimit }
        guard size <= Int64(SecretScanner.byteLimit), !Self.isSkipped(path), ContextSecretSearch.looksLikeConfiguration(path) else { return 0 }
        return Int(size)
    }

    static func isSkipped(_ path: String) -> Bool {
        skippedPrefixes.contains { path.hasPrefix($0) } || skippedSegments.contains { ("/" + path).contains($0) }
    }

    /// The entrypoint's program (or the command's, without an entrypoint), as paths it can be at.
    private static func programPaths(_ config: ImageConfiguration.RunConfiguration?) -> Set<String> {
        guard let program = (config?.entrypoint?.first ?? config?.command?.first), !program.isEmpty else { return [] }
        if program.hasPrefix("/") { return [String(program.dropFirst())] }
        let path = config?.environment?.first { $0.hasPrefix("PATH=") }.map { String($0.dropFirst(5)) }
            ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
        var paths = Set<String>()
        for directory in path.split(separator: ":") {
            let joined = String(directory.drop { $0 == "/" }) + "/" + program
            if let cleaned = ArchivePath.clean(joined) { paths.insert(cleaned) }
        }
        return paths
    }
}
