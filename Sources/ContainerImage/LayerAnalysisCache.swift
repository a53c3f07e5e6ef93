import HostSystem
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What reading a registry layer found, kept under the cache directory (`analysis/`) so that an
/// image read again, or another image on the same base layers, neither downloads nor walks them.
///
/// An entry is keyed by the layer's blob digest and diff_id, the build of Plimsoll that wrote it
/// (its executable, so a rebuild never reads an older build's result), what the reading extracts
/// (`analysis`: the content inspectors in use) and its limits. It is written only after the layer's
/// digests checked out, and it is only used when it holds exactly the content the current reader
/// would capture; anything else is a miss. A damaged entry is deleted.
public struct LayerAnalysisCache: Sendable {
    public let folder: String
    private let reader: LayerReader
    private let keyPrefix: String

    public static func folder(under root: String) -> String { root + "/analysis" }

    /// Nil when the folder cannot be made or the running executable cannot be identified: the read
    /// then goes on without this cache.
    public init?(root: String, analysis: String, reader: LayerReader) {
        guard let build = ExecutableIdentity.current else { return nil }
        folder = Self.folder(under: root)
        guard DirectoryCreation.makeAll(folder) else { return nil }
        self.reader = reader
        keyPrefix = "\(String(decoding: LayerAnalysisRecord.header, as: UTF8.self))\(build)\n\(analysis)\n"
            + "\(reader.limits.expansionFloor) \(reader.limits.maximumRatio) \(reader.captureBudget)\n"
    }

    /// Only a layer named by its blob digest has an entry: the key must be what the registry serves.
    func path(of layer: LayerBlob) -> String? {
        guard let digest = layer.digest else { return nil }
        let key = SHA256Hasher.digest(of: Array("\(keyPrefix)\(digest) \(layer.diffID) \(layer.storedSize)".utf8))
        return folder + "/" + key.hex
    }

    /// The cached changes of `layer`, renumbered to its place in this image, when the entry is intact
    /// and holds what this reader would capture.
    public func load(_ layer: LayerBlob) -> LayerChanges? {
        guard let path = path(of: layer), let bytes = try? FileReader.read(path, limit: Self.largestEntry) else { return nil }
        guard let changes = LayerAnalysisRecord.decode(bytes, index: layer.index) else {
            unlink(path)
            return nil
        }
        guard capturesAlike(changes) else { return nil }
        CacheFolder.touch(path)
        return changes
    }

    /// Keeps what a verified read of `layer` found; a failed write (a full disk) only costs the next read time.
    public func store(_ changes: LayerChanges, of layer: LayerBlob) {
        guard reader.verifiesDigests, let path = path(of: layer) else { return }
        let bytes = LayerAnalysisRecord.encode(changes)
        _ = bytes.withUnsafeBytes { AtomicFile.write($0, to: path) }
    }

    /// Whether the reader, walking these entries, would have captured exactly the content cached:
    /// the same files, the same number of bytes of each, within the same budget.
    private func capturesAlike(_ changes: LayerChanges) -> Bool {
        var captured = 0
        var capturedBytes = 0
        var uncaptured = 0
        for (position, entry) in changes.entries.enumerated() where entry.kind == .regular {
            switch reader.capturePlan(path: entry.path, size: entry.size, capturedSoFar: capturedBytes) {
            case .none: continue
            case .take(let take):
                guard changes.captured[position]?.count == take else { return false }
                captured += 1
                capturedBytes += take
            case .overBudget:
                uncaptured += 1
            }
        }
        return captured == changes.captured.count && capturedBytes == changes.capturedBytes && uncaptured == changes.uncapturedCandidates
    }

    /// Captured content is bounded by the capture budget; the rest of an entry is its file list.
    private static let largestEntry = 1 << 30
}
