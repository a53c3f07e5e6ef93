#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where an OCI layout keeps its blobs: a directory, or the same tree inside a tar.
protocol BlobStore {
    var location: String { get }
    /// The file holding `relativePath` (`index.json`, `blobs/sha256/…`), or nil when it is absent.
    func file(_ relativePath: String) throws(ImageError) -> FileRegion?
}

extension BlobStore {
    func blob(_ digest: Digest) throws(ImageError) -> FileRegion? { try file("blobs/sha256/" + digest.hex) }

    /// A small JSON blob, checked against its descriptor's digest and size.
    func document(_ descriptor: Descriptor, what: String) throws(ImageError) -> [UInt8] {
        guard let region = try blob(descriptor.digest) else { throw .missingBlob(what: "\(what) \(descriptor.digest)") }
        let bytes = try region.file.bytes(region, limit: JSONDocument.sizeLimit, what: what)
        let actual = SHA256Hasher.digest(of: bytes)
        guard actual == descriptor.digest else {
            throw .digestMismatch(what: what, expected: descriptor.digest.description, actual: actual.description)
        }
        guard Int64(bytes.count) == descriptor.size else {
            throw .sizeMismatch(what: what, expected: descriptor.size, actual: Int64(bytes.count))
        }
        return bytes
    }
}

/// An OCI image layout directory on disk.
struct LayoutDirectory: BlobStore {
    let root: String
    private let resolvedRoot: String

    init(root: String) throws(ImageError) {
        guard let resolved = realpath(root, nil) else { throw .unreadable(path: root, reason: OpenFile.lastError()) }
        self.root = root
        resolvedRoot = String(cString: resolved)
        free(resolved)
    }

    var location: String { root }

    func file(_ relativePath: String) throws(ImageError) -> FileRegion? {
        let path = root + "/" + relativePath
        guard let resolved = realpath(path, nil) else { return nil }
        let target = String(cString: resolved)
        free(resolved)
        // A blob that is a symbolic link out of the layout is refused: the layout must be self-contained.
        guard target.hasPrefix(resolvedRoot + "/") else {
            throw .notAnImage(path: root, reason: "`\(relativePath)` points outside the layout")
        }
        let file = try OpenFile(path: target)
        return FileRegion(file: file, offset: 0, length: file.size)
    }
}

/// An OCI image layout stored as a tar (oci-archive, or inside a Docker 25+ docker-archive).
struct LayoutArchive: BlobStore {
    let members: ArchiveMembers

    var location: String { members.file.path }

    func file(_ relativePath: String) throws(ImageError) -> FileRegion? { try members.region(relativePath) }
}
