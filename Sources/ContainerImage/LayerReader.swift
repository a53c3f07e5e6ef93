/// Streams one layer blob once: checks its digest and diff_id, decompresses by magic bytes and
/// turns its tar entries into ``LayerChanges``. Nothing is extracted; data is skipped unless captured.
public struct LayerReader: Sendable {
    public var limits: ReadLimits
    /// How many bytes of an entry's content to keep (0: none), asked per regular file.
    public var capture: @Sendable (_ path: String, _ size: Int64) -> Int
    /// Streams chosen files past an inspector (path, size, mode) that extracts what it needs.
    public var inspector: @Sendable (_ path: String, _ size: Int64, _ mode: UInt32) -> (any ContentInspector)? = { _, _, _ in nil }
    /// The most content one layer may capture in total; later candidates are counted, not read.
    public var captureBudget: Int = 64 << 20
    /// Hash on a second thread while the tar is walked: worth it when fewer layers than cores are read at once.
    public var hashesInParallel = false
    /// Off only for archives the user vouches for (`--no-verify`): no hashing, and an uncompressed
    /// layer is walked by seeking from header to header without reading file data.
    public var verifiesDigests: Bool

    public init(limits: ReadLimits = .standard, verifiesDigests: Bool = true,
                capture: @escaping @Sendable (String, Int64) -> Int = { _, _ in 0 }) {
        self.limits = limits
        self.verifiesDigests = verifiesDigests
        self.capture = capture
    }

    /// How the layer's blob is compressed, from its first bytes; nil for a download, which is only
    /// looked at as it streams.
    public func compression(of layer: LayerBlob) throws(ImageError) -> Compression? {
        guard case .file(let region) = layer.content else { return nil }
        let prefix = try region.file.bytes(FileRegion(file: region.file, offset: region.offset, length: min(4, region.length)),
                                           limit: 4, what: "layer \(layer.index)")
        return Compression.detect(prefix: prefix)
    }

    /// Checks an uncompressed layer's digests by hashing its blob alone, so that the tar can be walked
    /// by seeking elsewhere (a reader with `verifiesDigests` off) while this runs on another core.
    public func verifyUncompressed(_ layer: LayerBlob) throws(ImageError) {
        guard case .file(let region) = layer.content else { return }
        try check(layer, stored: SHA256Hasher.digest(of: region), diffID: nil)
    }

    public func read(_ layer: LayerBlob) throws(ImageError) -> LayerChanges {
        let index = layer.index
        let raw: any ByteStream
        let compression: Compression
        // A download checks its own digest as it streams; a file's blob is hashed here.
        let downloaded: Bool
        switch layer.content {
        case .file(let region):
            raw = FileRegionStream(region)
            compression = try self.compression(of: layer) ?? .none
            downloaded = false
        case .download(let download):
            let stream = try download.open()
            let prefix = try ReplayingStream.prefix(of: stream, count: 4)
            raw = ReplayingStream(stream, replaying: prefix)
            compression = Compression.detect(prefix: prefix)
            downloaded = true
        }
        let stored = verifiesDigests && !downloaded ? digest(raw) : nil
        let storedStream: any ByteStream = stored ?? raw
        var expansion: ExpansionGuard?
        switch compression {
        case .none: break
        case .gzip: expansion = guarded(try GzipStream(storedStream, layer: index), layer)
        case .zstd: expansion = guarded(try ZstdStream(storedStream, layer: index), layer)
        }
        // The tar stream's own digest (the diff_id): the stored digest when nothing is compressed.
        let uncompressed: (any DigestStream)?
        if !verifiesDigests {
            uncompressed = nil
        } else if let expansion {
            uncompressed = digest(expansion)
        } else {
            uncompressed = stored ?? digest(raw)
        }
        let tarSource: any ByteStream = uncompressed ?? expansion ?? raw
        let tar = TarReader(tarSource) { reason in .corruptLayer(layer: index, reason: reason) }
        var changes = LayerChanges(index: index, compression: compression)
        while let entry = try tar.next() {
            try record(entry, in: &changes, tar: tar)
        }
        guard verifiesDigests, let uncompressed else {
            // A download is read to its end, where its digest is checked.
            if expansion != nil || downloaded { try tar.drain() }
            if downloaded { try Self.readToEnd(raw) }
            changes.uncompressedSize = expansion?.produced ?? layer.storedSize
            return changes
        }
        try tar.drain()
        if downloaded { try Self.readToEnd(raw) }
        changes.uncompressedSize = uncompressed.count
        let storedDigest = stored?.finish()
        let diffID = stored === uncompressed ? nil : uncompressed.finish()
        if let storedDigest { try check(layer, stored: storedDigest, diffID: diffID) } else if let diffID { try checkDiffID(layer, diffID) }
        return changes
    }

    /// `diffID` is the uncompressed tar's digest; nil when the blob is the tar itself.
    private func check(_ layer: LayerBlob, stored: Digest, diffID: Digest?) throws(ImageError) {
        if let expected = layer.digest, stored != expected {
            throw .digestMismatch(what: "layer \(layer.index) blob", expected: expected.description, actual: stored.description)
        }
        try checkDiffID(layer, diffID ?? stored)
    }

    /// Reads what a decompressor left after its end, so a download reaches the end where it checks its digest.
    private static func readToEnd(_ stream: any ByteStream) throws(ImageError) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 16)
        defer { buffer.deallocate() }
        while try stream.read(into: buffer) > 0 {}
    }

    private func checkDiffID(_ layer: LayerBlob, _ actual: Digest) throws(ImageError) {
        guard actual == layer.diffID else {
            throw .digestMismatch(what: "layer \(layer.index) (diff_id)", expected: layer.diffID.description, actual: actual.description)
        }
    }

    private func digest(_ source: any ByteStream) -> any DigestStream {
        hashesInParallel ? PipelinedDigestingStream(source) : DigestingStream(source)
    }

    private func guarded(_ stream: any ByteStream, _ layer: LayerBlob) -> ExpansionGuard {
        ExpansionGuard(stream, limit: limits.expansionLimit(storedSize: layer.storedSize), layer: layer.index, storedSize: layer.storedSize)
    }

    /// What to keep of a regular file's content: nothing, its first `take` bytes, or nothing because
    /// the layer's capture budget is spent (counted as an uncaptured candidate).
    enum CapturePlan: Equatable {
        case none
        case take(Int)
        case overBudget
    }

    /// The one capture decision, made as the tar is walked and again to check a cached analysis.
    func capturePlan(path: String, size: Int64, capturedSoFar: Int) -> CapturePlan {
        let wanted = capture(path, size)
        guard wanted > 0 else { return .none }
        let take = Int(min(Int64(wanted), size))
        return capturedSoFar + take <= captureBudget ? .take(take) : .overBudget
    }

    private func record(_ entry: TarEntry, in changes: inout LayerChanges, tar: TarReader) throws(ImageError) {
        guard let position = try changes.append(name: entry.name, kind: entry.kind, size: entry.size, mode: entry.mode,
                                                uid: entry.uid, gid: entry.gid, linkTarget: entry.linkTarget),
              entry.kind == .regular else { return }
        let path = changes.entries[position].path
        let inspector = entry.dataSize > 0 ? inspector(path, entry.size, entry.mode) : nil
        var prefix: [UInt8] = []
        switch capturePlan(path: path, size: entry.size, capturedSoFar: changes.capturedBytes) {
        case .none: break
        case .take(let take):
            prefix = try tar.readData(limit: take)
            changes.captured[position] = prefix
            changes.capturedBytes += take
        case .overBudget:
            changes.uncapturedCandidates += 1
        }
        guard let inspector else { return }
        // The inspector sees the whole file: the captured prefix, then the rest as it streams.
        let wantsMore = prefix.withUnsafeBytes { inspector.consume($0) }
        if wantsMore { try tar.streamData { inspector.consume($0) } }
        if let extracted = inspector.extracted { changes.extracted[position] = extracted }
    }
}
