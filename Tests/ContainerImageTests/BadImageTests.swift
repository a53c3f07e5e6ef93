@testable import ContainerImage
import Foundation
import ImageFixtures
import Testing

/// Every hostile or broken image gives one clear error, never a crash, a hang or unbounded memory.
@Suite struct BadImageTests {
    /// A one-layer layout whose layer blob is `blob` (its descriptor matches it) and whose diff_id is that of `tar`.
    func layout(blob: [UInt8], tar: [UInt8], mediaType: String = "application/vnd.oci.image.layer.v1.tar+gzip") throws -> TemporaryDirectory {
        let directory = TemporaryDirectory()
        try writeLayout(directory, config: FixtureImage.configFor(diffIDs: [sha256(tar)]), layers: [(blob, mediaType)])
        return directory
    }

    func blobPath(_ directory: TemporaryDirectory, _ digest: String) -> String {
        directory.url.path + "/blobs/sha256/" + digest.dropFirst(7)
    }

    func oneFileTar(size: Int = 5000) -> [UInt8] {
        var tar = TarBuilder()
        tar.file("data.bin", size: size)
        return tar.archive
    }

    @Test func aTamperedLayerFailsItsDigest() throws {
        let directory = TemporaryDirectory()
        let fixture = sampleImage(.none)
        try fixture.writeOCILayout(to: directory.url)
        let digest = fixture.blobs().layerDigests[0]
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: blobPath(directory, digest))))
        bytes[5000] ^= 0x01  // inside pkgcache.bin's data
        try Data(bytes).write(to: URL(fileURLWithPath: blobPath(directory, digest)))
        #expect(throws: ImageError.self) { try analyse(directory.url.path) }
        #expect(try analyse(directory.url.path, verify: false).1.totalBytes == 40_036, "--no-verify reads it anyway")
        do {
            _ = try analyse(directory.url.path)
        } catch {
            #expect(error.description.hasPrefix("layer 0 blob does not match its digest: expected \(digest)"))
        }
    }

    /// The largest uncompressed layer is hashed while the others are walked and analysed; a
    /// mismatch there must still withhold the analysis.
    @Test func anAnalysisIsWithheldUntilTheLargestLayerIsVerified() throws {
        let directory = TemporaryDirectory()
        let fixture = sampleImage(.none)
        try fixture.writeOCILayout(to: directory.url)
        let digest = fixture.blobs().layerDigests[0]
        let image = try ImageLoader.load(directory.url.path)
        #expect(try LayerScan.read(image, with: LayerReader()) { $0.map(\.entries.count) } == [5, 1])
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: blobPath(directory, digest))))
        bytes[bytes.count - 1600] ^= 0x01  // the end of pkgcache.bin's data: the tar still walks
        try Data(bytes).write(to: URL(fileURLWithPath: blobPath(directory, digest)))
        #expect(throws: ImageError.digestMismatch(what: "layer 0 blob", expected: digest, actual: sha256(bytes))) {
            try LayerScan.read(image, with: LayerReader()) { $0.count }
        }
    }

    @Test func aWrongDiffIDIsAnError() throws {
        let tar = oneFileTar()
        let directory = TemporaryDirectory()
        try writeLayout(directory, config: FixtureImage.configFor(diffIDs: [sha256(tar + [0])]), layers: [(Compressor.gzip(tar), "x")])
        #expect(throws: ImageError.digestMismatch(what: "layer 0 (diff_id)", expected: sha256(tar + [0]), actual: sha256(tar))) {
            try analyse(directory.url.path)
        }
    }

    @Test func aWrongDiffIDOfAnUncompressedLayerIsAnError() throws {
        let tar = oneFileTar()
        let directory = TemporaryDirectory()
        try writeLayout(directory, config: FixtureImage.configFor(diffIDs: [sha256(tar + [0])]),
                        layers: [(tar, "application/vnd.oci.image.layer.v1.tar")])
        #expect(throws: ImageError.digestMismatch(what: "layer 0 (diff_id)", expected: sha256(tar + [0]), actual: sha256(tar))) {
            try analyse(directory.url.path)
        }
    }

    @Test func blobsThatAreMissingResizedOrAlteredAreErrors() throws {
        let directory = TemporaryDirectory()
        let fixture = sampleImage()
        try fixture.writeOCILayout(to: directory.url)
        let (blobs, _, _, layerDigests) = fixture.blobs()
        let configDigest = try #require(blobs.first { $0.value == fixture.configJSON }?.key)
        // The config is changed but keeps its name.
        var config = fixture.configJSON
        config[config.count - 2] = UInt8(ascii: " ")
        try Data(config).write(to: URL(fileURLWithPath: blobPath(directory, configDigest)))
        #expect(throws: ImageError.digestMismatch(what: "image config", expected: configDigest, actual: sha256(config))) {
            try ImageLoader.load(directory.url.path)
        }
        try Data(fixture.configJSON).write(to: URL(fileURLWithPath: blobPath(directory, configDigest)))
        let layerPath = blobPath(directory, layerDigests[1])
        let layer = try Data(contentsOf: URL(fileURLWithPath: layerPath))
        try Data(layer + [0]).write(to: URL(fileURLWithPath: layerPath))
        #expect(throws: ImageError.sizeMismatch(what: "layer 1", expected: Int64(layer.count), actual: Int64(layer.count + 1))) {
            try ImageLoader.load(directory.url.path)
        }
        try FileManager.default.removeItem(atPath: layerPath)
        #expect(throws: ImageError.missingBlob(what: "blob for layer 1 (\(layerDigests[1]))")) { try ImageLoader.load(directory.url.path) }
    }

    @Test func truncatedAndCorruptCompressedLayersAreErrors() throws {
        let tar = oneFileTar(size: 100_000)
        let gzip = Compressor.gzip(tar)
        let zstd = Compressor.zstd(tar)
        let cases: [([UInt8], String)] = [
            (Array(gzip.prefix(gzip.count / 2)), "layer 0 is corrupt: the gzip stream is truncated"),
            (Array(gzip.prefix(10)) + [UInt8](repeating: 0xFF, count: 200), "layer 0 is corrupt: gzip: invalid block type"),
            (gzip + Array("garbage".utf8), "layer 0 is corrupt: gzip: incorrect header check"),
            (Array(zstd.prefix(zstd.count / 2)), "layer 0 is corrupt: the zstd stream is truncated"),
            (Array(zstd.prefix(4)) + [UInt8](repeating: 0xFF, count: 64), "layer 0 is corrupt: zstd: Unsupported frame parameter"),
        ]
        for (blob, message) in cases {
            let directory = try layout(blob: blob, tar: tar)
            do {
                _ = try analyse(directory.url.path)
                Issue.record("expected: \(message)")
            } catch {
                #expect(error.description == message)
            }
        }
    }

    @Test func aDecompressionBombIsRefusedEarly() throws {
        let tar = oneFileTar(size: 8 << 20)
        for blob in [Compressor.gzip(tar), Compressor.zstd(tar)] {
            let directory = try layout(blob: blob, tar: tar)
            let limits = ReadLimits(expansionFloor: 1 << 20, maximumRatio: 50)
            #expect(throws: ImageError.decompressionBomb(layer: 0, compressed: Int64(blob.count), limit: 1 << 20)) {
                try analyse(directory.url.path, limits: limits)
            }
            #expect(try analyse(directory.url.path).1.totalBytes == 8 << 20)
        }
    }

    @Test func invalidJSONAndNestingBombsInDocumentsAreErrors() throws {
        let directory = TemporaryDirectory()
        try sampleImage().writeOCILayout(to: directory.url)
        let index = directory.url.appendingPathComponent("index.json")
        try Data("{\"manifests\": [".utf8).write(to: index)
        #expect(throws: ImageError.malformedDocument(what: "index.json", reason: "not valid JSON")) { try ImageLoader.load(directory.url.path) }
        try Data((String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000)).utf8).write(to: index)
        #expect(throws: ImageError.self) { try ImageLoader.load(directory.url.path) }
        try Data("{\"manifests\": [{\"digest\": \"sha256:../../etc\", \"size\": 1}]}".utf8).write(to: index)
        #expect(throws: ImageError.self) { try ImageLoader.load(directory.url.path) }
        try Data("{\"manifests\": [{\"digest\": \"md5:abc\", \"size\": -1}]}".utf8).write(to: index)
        #expect(throws: ImageError.self) { try ImageLoader.load(directory.url.path) }
    }

    @Test func aBlobThatLinksOutsideTheLayoutIsRefused() throws {
        let directory = TemporaryDirectory()
        let fixture = sampleImage()
        try fixture.writeOCILayout(to: directory.url)
        let digest = fixture.blobs().layerDigests[0]
        let elsewhere = TemporaryDirectory()
        let outside = try elsewhere.write(fixture.layers[0].blob, to: "elsewhere")
        try FileManager.default.removeItem(atPath: blobPath(directory, digest))
        try FileManager.default.createSymbolicLink(atPath: blobPath(directory, digest), withDestinationPath: outside)
        #expect(throws: ImageError.notAnImage(path: directory.url.path, reason: "`blobs/sha256/\(digest.dropFirst(7))` points outside the layout")) {
            try ImageLoader.load(directory.url.path)
        }
    }

    @Test func archiveMembersThatEscapeOrLoopAreErrors() throws {
        let directory = TemporaryDirectory()
        var escaping = TarBuilder()
        escaping.file("manifest.json", Array(#"[{"Config": "c.json", "Layers": ["../../etc/passwd"]}]"#.utf8))
        escaping.file("c.json", FixtureImage.configFor(diffIDs: [sha256([])]))
        let escapingPath = try directory.write(escaping.archive, to: "escape.tar")
        #expect(throws: ImageError.notAnImage(path: escapingPath, reason: "`../../etc/passwd` points outside the archive")) {
            try ImageLoader.load(escapingPath)
        }
        var looping = TarBuilder()
        looping.file("manifest.json", Array(#"[{"Config": "c.json", "Layers": ["a/layer.tar"]}]"#.utf8))
        looping.file("c.json", FixtureImage.configFor(diffIDs: [sha256([])]))
        looping.symlink("a/layer.tar", to: "../b/layer.tar")
        looping.symlink("b/layer.tar", to: "../a/layer.tar")
        let loopingPath = try directory.write(looping.archive, to: "loop.tar")
        #expect(throws: ImageError.notAnImage(path: loopingPath, reason: "`a/layer.tar` is a loop of links")) { try ImageLoader.load(loopingPath) }
    }

    @Test func aLayerEntryClimbingAboveTheRootIsAnError() throws {
        var tar = TarBuilder()
        tar.file("../../etc/cron.d/evil", size: 10)
        let directory = try layout(blob: tar.archive, tar: tar.archive, mediaType: "application/vnd.oci.image.layer.v1.tar")
        #expect(throws: ImageError.unsafeEntry(layer: 0, path: "../../etc/cron.d/evil", reason: "`..` climbs above the root")) {
            try analyse(directory.url.path)
        }
    }

    @Test func thingsThatAreNotImagesSaySo() throws {
        let directory = TemporaryDirectory()
        let text = try directory.write(Array("hello".utf8), to: "notes.txt")
        #expect(throws: ImageError.self) { try ImageLoader.load(text) }
        var tar = TarBuilder()
        tar.file("readme", size: 3)
        let plainTar = try directory.write(tar.archive, to: "plain.tar")
        #expect(throws: ImageError.notAnImage(path: plainTar, reason: "it has neither manifest.json nor index.json")) { try ImageLoader.load(plainTar) }
        #expect(throws: ImageError.notAnImage(path: directory.url.path, reason: "no index.json")) { try ImageLoader.load(directory.url.path) }
        #expect(throws: ImageError.self) { try ImageLoader.load("nginx:1.27") }
        #expect(throws: ImageError.unreadable(path: "/nonexistent/x.tar", reason: "No such file or directory")) {
            try ImageLoader.load("docker-archive:/nonexistent/x.tar")
        }
        #expect(throws: ImageError.invalidReference("platform `linux` is not os/arch[/variant]")) { try Platform(parsing: "linux") }
    }

    /// In one archive: ten thousand files in a layout directory would measure the filesystem, not plimsoll.
    @Test func tenThousandLayersAreReadWithoutTrouble() throws {
        var archive = TarBuilder()
        var diffIDs: [String] = []
        var paths: [String] = []
        for index in 0..<10_000 {
            var tar = TarBuilder()
            tar.file("layer/\(index)", size: 1)
            archive.file("\(index).tar", tar.archive)
            diffIDs.append(sha256(tar.archive))
            paths.append("\"\(index).tar\"")
        }
        archive.file("config.json", FixtureImage.configFor(diffIDs: diffIDs))
        archive.file("manifest.json", Array("[{\"Config\": \"config.json\", \"Layers\": [\(paths.joined(separator: ","))]}]".utf8))
        let directory = TemporaryDirectory()
        let path = try directory.write(archive.archive, to: "many.tar")
        let (image, space) = try analyse(path)
        #expect(image.layers.count == 10_000 && space.visibleBytes == 10_000)
    }
}
