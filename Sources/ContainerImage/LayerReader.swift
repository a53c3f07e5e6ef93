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
        var changes = LayerChanges(index: index, compression: compression)
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
        guard let position = try changes.append(name: entry.name, kind: entry.kind, size: entry.size, mode: entry.mode,
                                                uid: entry.uid, gid: entry.gid, linkTarget: entry.linkTarget),
              entry.kind == .regular else { return }
        let wanted = capture(changes.entries[position].path, entry.size)
        if wanted > 0 { changes.captured[position] = try tar.readData(limit: wanted) }
    }
}
