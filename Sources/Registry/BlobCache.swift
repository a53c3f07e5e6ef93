import ContainerImage
import HostSystem
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Blobs by digest under the cache directory (`blobs/sha256/<hex>`). An entry is written to a
/// temporary file in the same folder and renamed only once its size and digest have checked out,
/// so an interrupted download never leaves a usable partial entry, and processes filling the cache
/// at once each rename a complete file into place.
public struct BlobCache: Sendable {
    public let root: String
    private let blobs: String

    /// Nil when the folder cannot be made: the read then goes on without a cache.
    public init?(root: String) {
        self.root = root
        blobs = root + "/blobs/sha256"
        guard DirectoryCreation.makeAll(blobs) else { return nil }
    }

    public func path(of digest: Digest) -> String { blobs + "/" + digest.hex }

    /// The cached blob when present with the expected size; an entry of the wrong size is corrupt and is deleted.
    public func file(_ digest: Digest, size: Int64) -> OpenFile? {
        let path = path(of: digest)
        guard let file = try? OpenFile(path: path) else { return nil }
        guard file.size == size else {
            unlink(path)
            return nil
        }
        // The access time records use, for `cache prune --older-than`.
        CacheFolder.touch(path)
        return file
    }

    /// Deletes an entry found corrupt while reading it.
    public func remove(_ digest: Digest) { unlink(path(of: digest)) }

    /// Deletes the entries among `layers` whose bytes no longer match their digest (a disk error, an
    /// edit), and says whether there were any: a read that failed on one can then fetch it again.
    /// Layers that were not read from this cache are left alone.
    public func evictDamaged(_ layers: [LayerBlob]) -> Bool {
        var evicted = false
        for layer in layers {
            guard case .file(let region) = layer.content, let digest = layer.digest, region.file.path == path(of: digest) else { continue }
            if (try? SHA256Hasher.digest(of: region)) != digest {
                remove(digest)
                evicted = true
            }
        }
        return evicted
    }

    /// A temporary file for `digest`, or nil when it cannot be made (a read-only or full disk).
    func entryWriter(for digest: Digest) -> BlobCacheWriter? {
        guard let (descriptor, temporary) = TemporaryFile.create(prefix: blobs + "/." + digest.hex + ".partial-") else { return nil }
        return BlobCacheWriter(descriptor: descriptor, temporary: temporary, final: path(of: digest))
    }

    /// How many blobs the cache holds and their bytes.
    public func usage() -> CacheFolder.Usage { CacheFolder.sweep(blobs, removingUnusedFor: nil) }

    /// Deletes the blobs not read for `seconds` (by access time; each read touches it), and any
    /// partial entry as old (an interrupted download); returns what was removed.
    public func prune(unusedFor seconds: Double) -> CacheFolder.Usage { CacheFolder.sweep(blobs, removingUnusedFor: seconds) }
}

/// One cache entry being written; it becomes visible only through `commit`. A failed write (a full
/// disk) abandons the entry and lets the read go on.
final class BlobCacheWriter {
    private var descriptor: Int32
    private let temporary: String
    private let final: String

    init(descriptor: Int32, temporary: String, final: String) {
        self.descriptor = descriptor
        self.temporary = temporary
        self.final = final
    }

    deinit { abandon() }

    var isOpen: Bool { descriptor >= 0 }

    func write(_ bytes: UnsafeRawBufferPointer) {
        guard descriptor >= 0 else { return }
        if !FileWriter.writeAll(descriptor, bytes) { abandon() }
    }

    /// Renames the complete, verified file into place.
    func commit() {
        guard descriptor >= 0 else { return }
        let closed = close(descriptor) == 0
        descriptor = -1
        if !closed || rename(temporary, final) != 0 { unlink(temporary) }
    }

    func abandon() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        unlink(temporary)
    }
}
