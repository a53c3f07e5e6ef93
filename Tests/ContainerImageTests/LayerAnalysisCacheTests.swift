@testable import ContainerImage
import Foundation
import ImageFixtures
import Testing

/// The layer analysis cache: a hit gives what reading the layer gives without touching its blob,
/// and anything that does not fit the reading exactly (another capture, a damaged entry) is a miss.
@Suite struct LayerAnalysisCacheTests {
    /// Reads os-release in full and the first 100 bytes of the apt cache.
    static let capture: @Sendable (String, Int64) -> Int = { path, _ in
        path == "etc/os-release" ? 4096 : path.hasPrefix("var/cache/") ? 100 : 0
    }

    /// Everything the changes hold, as text to compare.
    static func summary(_ layers: [LayerChanges]) -> String {
        layers.map { changes in
            let entries = changes.entries.map { "\($0.path) \($0.kind) \($0.size) \($0.mode) \($0.uid):\($0.gid) \($0.linkTarget ?? "-")" }
            let captured = changes.captured.keys.sorted().map { "\($0)=\(changes.captured[$0] ?? [])" }
            return "\(changes.index) \(changes.compression) \(changes.uncompressedSize) \(entries) wh=\(changes.whiteouts) "
                + "opq=\(changes.opaqueDirectories) \(captured) \(changes.capturedBytes) \(changes.uncapturedCandidates)"
        }.joined(separator: "\n")
    }

    /// A layout of the sample image, the image opened from it, and a cache folder beside it.
    static func setUp() throws -> (TemporaryDirectory, Image, String) {
        let directory = TemporaryDirectory()
        try sampleImage(.gzip).writeOCILayout(to: directory.url.appendingPathComponent("layout"))
        let image = try ImageLoader.load("oci:" + directory.url.path + "/layout")
        return (directory, image, directory.url.path + "/cache")
    }

    /// Replaces every layer blob with as many other bytes, so that only a cache hit can still read it.
    static func spoilLayers(of image: Image) throws {
        for layer in image.layers {
            guard case .file(let region) = layer.content else { continue }
            // Layout blobs are written read-only.
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: region.file.path)
            let handle = try #require(FileHandle(forWritingAtPath: region.file.path))
            try handle.seek(toOffset: UInt64(region.offset))
            try handle.write(contentsOf: Data(repeating: 0x5A, count: Int(region.length)))
            try handle.close()
        }
    }

    static func entries(_ cache: LayerAnalysisCache) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: cache.folder).sorted()
    }

    @Test func aHitNeedsNoLayerBlobAndAnswersAlike() throws {
        let (scratch, image, root) = try Self.setUp()
        defer { withExtendedLifetime(scratch) {} }
        let reader = LayerReader(capture: Self.capture)
        let cache = try #require(LayerAnalysisCache(root: root, analysis: "test", reader: reader))
        let read = try LayerScan.read(image, with: reader, cache: cache)
        #expect(try Self.entries(cache).count == 2)
        #expect(read[0].captured.count == 2 && read[0].capturedBytes == 26 + 100)

        try Self.spoilLayers(of: image)
        #expect(throws: ImageError.self) { try LayerScan.read(image, with: reader) }
        let hit = try LayerScan.read(image, with: reader, cache: cache)
        #expect(Self.summary(hit) == Self.summary(read))

        // Another build of the reading that captures differently must read the blob (and fails here).
        var wider = reader
        wider.capture = { path, size in path.hasPrefix("var/cache/") ? 200 : Self.capture(path, size) }
        let other = try #require(LayerAnalysisCache(root: root, analysis: "test", reader: wider))
        #expect(throws: ImageError.self) { try LayerScan.read(image, with: wider, cache: other) }
        // So must a reading that extracts something else: it has entries of its own.
        let inspecting = try #require(LayerAnalysisCache(root: root, analysis: "inspecting", reader: reader))
        #expect(throws: ImageError.self) { try LayerScan.read(image, with: reader, cache: inspecting) }
    }

    @Test(arguments: ["flip", "truncate", "empty"])
    func aDamagedEntryIsAMissAndIsDeleted(_ damage: String) throws {
        let (scratch, image, root) = try Self.setUp()
        defer { withExtendedLifetime(scratch) {} }
        let reader = LayerReader(capture: Self.capture)
        let cache = try #require(LayerAnalysisCache(root: root, analysis: "test", reader: reader))
        let read = try LayerScan.read(image, with: reader, cache: cache)
        for name in try Self.entries(cache) {
            let path = cache.folder + "/" + name
            var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            switch damage {
            case "flip": bytes[bytes.count / 2] ^= 0x01
            case "truncate": bytes.removeLast(bytes.count / 3)
            default: bytes = []
            }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
        // The intact blobs are read again, giving the same answer, and the entries are rewritten.
        let again = try LayerScan.read(image, with: reader, cache: cache)
        #expect(Self.summary(again) == Self.summary(read))
        try Self.spoilLayers(of: image)
        #expect(Self.summary(try LayerScan.read(image, with: reader, cache: cache)) == Self.summary(read))

        // With damaged entries and spoilt blobs nothing is left to read: the entries were deleted.
        for name in try Self.entries(cache) {
            try Data("plimsoll layer analysis 1\nnot a record".utf8).write(to: URL(fileURLWithPath: cache.folder + "/" + name))
        }
        #expect(throws: ImageError.self) { try LayerScan.read(image, with: reader, cache: cache) }
        #expect(try Self.entries(cache).isEmpty)
    }

    @Test func anUnverifiedReadIsNeverCached() throws {
        let (scratch, image, root) = try Self.setUp()
        defer { withExtendedLifetime(scratch) {} }
        let reader = LayerReader(verifiesDigests: false, capture: Self.capture)
        let cache = try #require(LayerAnalysisCache(root: root, analysis: "test", reader: reader))
        _ = try LayerScan.read(image, with: reader, cache: cache)
        #expect(try Self.entries(cache).isEmpty)
    }

    @Test func aFailedReadStoresNothing() throws {
        let (scratch, image, root) = try Self.setUp()
        defer { withExtendedLifetime(scratch) {} }
        try Self.spoilLayers(of: image)
        let reader = LayerReader(capture: Self.capture)
        let cache = try #require(LayerAnalysisCache(root: root, analysis: "test", reader: reader))
        #expect(throws: ImageError.self) { try LayerScan.read(image, with: reader, cache: cache) }
        #expect(try Self.entries(cache).isEmpty)
    }
}
