#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where to read an image from, parsed from a reference such as `oci:build/layout:v1`.
public enum ImageLocation: Sendable, Equatable {
    case dockerArchive(path: String, tag: String?)
    case ociLayout(path: String, tag: String?)
    case ociArchive(path: String, tag: String?)
    /// A docker-archive or oci-archive piped in (`-`).
    case standardInput
    /// A bare path whose kind is found by looking inside.
    case sniffed(path: String)
    /// An image in a registry (`registry:REF`, `docker://REF`, or a bare name that is not a path).
    case registry(RegistryReference)
    /// An image in the local Docker engine (or podman's Docker API), `docker-daemon:NAME[:TAG]`.
    case daemon(RegistryReference)

    public init(parsing reference: String) throws(ImageError) {
        if reference == "-" || reference == "docker-archive:-" || reference == "oci-archive:-" {
            self = .standardInput
            return
        }
        for (prefix, make) in [("docker-archive:", ImageLocation.dockerArchive), ("oci-archive:", ImageLocation.ociArchive),
                               ("oci:", ImageLocation.ociLayout)] where reference.hasPrefix(prefix) {
            let rest = String(reference.dropFirst(prefix.count))
            guard !rest.isEmpty else { throw .invalidReference("`\(reference)` names no path") }
            let (path, tag) = Self.splitTag(rest)
            self = make(path, tag)
            return
        }
        for prefix in ["registry:", "docker://"] where reference.hasPrefix(prefix) {
            self = .registry(try RegistryReference(parsing: String(reference.dropFirst(prefix.count))))
            return
        }
        if reference.hasPrefix("docker-daemon:") {
            self = .daemon(try RegistryReference(parsing: String(reference.dropFirst("docker-daemon:".count))))
            return
        }
        if let scheme = reference.firstRange(of: "://") {
            throw .invalidReference("`\(reference[..<scheme.lowerBound])://` is not a transport plimsoll reads (registry:, docker://, docker-daemon:, docker-archive:, oci:, oci-archive:)")
        }
        // `layout-dir:tag`: an existing OCI layout with a tag is the layout, not a registry name.
        if !Self.exists(reference), let colon = reference.lastIndex(of: ":"), Self.exists(String(reference[..<colon]) + "/index.json"),
           reference.index(after: colon) < reference.endIndex {
            self = .ociLayout(path: String(reference[..<colon]), tag: String(reference[reference.index(after: colon)...]))
            return
        }
        if !Self.exists(reference), Self.looksLikeRegistryName(reference), let name = try? RegistryReference(parsing: reference) {
            self = .registry(name)
            return
        }
        self = .sniffed(path: reference)
    }

    /// `path:tag`, where the path part is what exists on disk (paths may contain `:` too).
    private static func splitTag(_ text: String) -> (String, String?) {
        if exists(text) { return (text, nil) }
        guard let colon = text.lastIndex(of: ":") else { return (text, nil) }
        let tag = String(text[text.index(after: colon)...])
        let path = String(text[..<colon])
        // `archive.tar:repo/name:tag` names a docker reference; the path is before the first colon that leaves an existing file.
        if let first = text.firstIndex(of: ":"), first != colon, exists(String(text[..<first])) {
            return (String(text[..<first]), String(text[text.index(after: first)...]))
        }
        return (path, tag.isEmpty ? nil : tag)
    }

    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// A bare name that is not a path is an image name when it could not be a file name: it has a
    /// tag or digest, starts with a registry host, or has no `.` (`build/image.tar` stays a path).
    private static func looksLikeRegistryName(_ text: String) -> Bool {
        if text.hasPrefix("/") || text.hasPrefix(".") { return false }
        if text.contains("@") || text.split(separator: "/").last?.contains(":") == true { return true }
        if let slash = text.firstIndex(of: "/"), text[..<slash].contains(".") || text[..<slash] == "localhost" { return true }
        return !text.contains(".")
    }
}
