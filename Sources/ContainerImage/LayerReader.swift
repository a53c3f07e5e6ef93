/// Streams one layer blob once: checks its digest and diff_id, decompresses by magic bytes and
/// turns its tar entries into ``LayerChanges``. Nothing is extracted; data is skipped unless captured.
public struct LayerReader: Sendable {
    public var limits: ReadLimits
    /// How many bytes of an entry's content to keep (0: none), asked per regular file.
    public var capture: @Sendable (_ path: String, _ size: Int64) -> Int

    public init(limits: ReadLimits = .standard, capture: @escaping @Sendable (String, Int64) -> Int = { _, _ in 0 }) {
        self.limits = limits
        self.capture = capture
    }

    public func read(_ layer: LayerBlob) throws(ImageError) -> LayerChanges {
        let prefix = try layer.region.file.bytes(FileRegion(file: layer.region.file, offset: layer.region.offset,
                                                            length: min(4, layer.region.length)), limit: 4, what: "layer \(layer.index)")
        let compression = Compression.detect(prefix: prefix)
        let stored = DigestingStream(FileRegionStream(layer.region))
        let uncompressed: DigestingStream
        switch compression {
        case .none:
            uncompressed = stored
        case .gzip:
            uncompressed = DigestingStream(ExpansionGuard(try GzipStream(stored, layer: layer.index),
                                                          limit: limits.expansionLimit(storedSize: layer.storedSize),
                                                          layer: layer.index, storedSize: layer.storedSize))
        case .zstd:
            uncompressed = DigestingStream(ExpansionGuard(try ZstdStream(stored, layer: layer.index),
                                                          limit: limits.expansionLimit(storedSize: layer.storedSize),
                                                          layer: layer.index, storedSize: layer.storedSize))
        }
        let index = layer.index
        let tar = TarReader(uncompressed) { reason in .corruptLayer(layer: index, reason: reason) }
        var changes = LayerChanges(index: index, entries: [], whiteouts: [], opaqueDirectories: [], compression: compression,
                                   uncompressedSize: 0, captured: [:])
        while let entry = try tar.next() {
            try record(entry, in: &changes, tar: tar)
        }
        try tar.drain()
        changes.uncompressedSize = uncompressed.count
        if let expected = layer.digest {
            let actual = stored.finish()
            guard actual == expected else {
                throw .digestMismatch(what: "layer \(index) blob", expected: expected.description, actual: actual.description)
            }
            if compression == .none {
                guard actual == layer.diffID else {
                    throw .digestMismatch(what: "layer \(index) (diff_id)", expected: layer.diffID.description, actual: actual.description)
                }
                return changes
            }
        }
        let diffID = uncompressed.finish()
        guard diffID == layer.diffID else {
            throw .digestMismatch(what: "layer \(index) (diff_id)", expected: layer.diffID.description, actual: diffID.description)
        }
        return changes
    }

    private func record(_ entry: TarEntry, in changes: inout LayerChanges, tar: TarReader) throws(ImageError) {
        guard let path = ArchivePath.clean(entry.name) else {
            throw .unsafeEntry(layer: changes.index, path: entry.name, reason: "`..` climbs above the root")
        }
        guard !path.isEmpty else { return }
        let parent = ArchivePath.parent(path)
        let name = path.dropFirst(parent.isEmpty ? 0 : parent.count + 1)
        if name.hasPrefix(Whiteout.prefix) {
            if name == Whiteout.opaqueMarker {
                changes.opaqueDirectories.append(parent)
            } else if !name.hasPrefix(Whiteout.metadataPrefix) {
                let hidden = name.dropFirst(Whiteout.prefix.count)
                changes.whiteouts.append(parent.isEmpty ? String(hidden) : parent + "/" + hidden)
            }
            return
        }
        var linkTarget: String?
        switch entry.kind {
        case .hardLink:
            guard let target = ArchivePath.clean(entry.linkTarget), !target.isEmpty else {
                throw .unsafeEntry(layer: changes.index, path: path, reason: "its hard link target `\(entry.linkTarget)` is outside the root")
            }
            linkTarget = target
        case .symbolicLink:
            linkTarget = entry.linkTarget
        default:
            break
        }
        if entry.kind == .regular {
            let wanted = capture(path, entry.size)
            if wanted > 0 { changes.captured[changes.entries.count] = try tar.readData(limit: wanted) }
        }
        changes.entries.append(FileChange(path: path, kind: entry.kind, size: entry.size, mode: entry.mode, uid: entry.uid,
                                          gid: entry.gid, linkTarget: linkTarget))
    }
}

/// OCI whiteout names (image-spec layer.md).
enum Whiteout {
    static let prefix = ".wh."
    static let opaqueMarker = ".wh..wh..opq"
    /// aufs bookkeeping names such as `.wh..wh.plnk`, which carry no meaning for the image.
    static let metadataPrefix = ".wh..wh."
}
