@testable import ContainerImage
import Foundation
import ImageFixtures
import Testing

/// A two-layer image with a deleted cache, written in every transport and compression.
func sampleImage(_ compression: FixtureImage.Compression = .gzip) -> FixtureImage {
    var base = TarBuilder()
    base.directory("etc")
    base.file("etc/os-release", Array("ID=debian\nVERSION_ID=\"12\"\n".utf8))
    base.directory("var/cache/apt")
    base.file("var/cache/apt/pkgcache.bin", size: 40_000)
    base.symlink("bin/sh", to: "dash")
    var cleanup = TarBuilder()
    cleanup.whiteout("var/cache/apt/pkgcache.bin")
    cleanup.file("app/run.sh", Array("#!/bin/sh\n".utf8), mode: 0o755)
    return FixtureImage(layers: [
        .init(base, compression: compression, createdBy: "/bin/sh -c #(nop) ADD file:abc in / "),
        .init(cleanup, compression: compression, createdBy: "RUN /bin/sh -c rm /var/cache/apt/pkgcache.bin # buildkit"),
    ])
}

func analyse(_ reference: String, platform: Platform? = nil, limits: ReadLimits = .standard,
             verify: Bool = true) throws(ImageError) -> (Image, SpaceAnalysis) {
    let image = try ImageLoader.load(reference, platform: platform)
    let changes = try LayerScan.read(image, with: LayerReader(limits: limits, verifiesDigests: verify))
    let tree = FileTree(layers: changes)
    return (image, SpaceAnalysis(changes: changes, tree: tree))
}

@Suite struct ImageSourceTests {
    @Test(arguments: [FixtureImage.Compression.gzip, .zstd, .none])
    func readsAnOCILayoutInEveryCompression(_ compression: FixtureImage.Compression) throws {
        let directory = TemporaryDirectory()
        let digest = try sampleImage(compression).writeOCILayout(to: directory.url)
        let (image, space) = try analyse("oci:" + directory.url.path)
        #expect(image.manifestDigest?.description == digest && image.transport == "oci")
        #expect(image.layers.count == 2 && image.platform == .linuxAMD64)
        #expect(space.totalBytes == 40_000 + 26 + 10 && space.reclaimableBytes == 40_000)
    }

    @Test func theSameImageReadsAlikeFromEveryTransport() throws {
        let directory = TemporaryDirectory()
        let fixture = sampleImage()
        try fixture.writeOCILayout(to: directory.url.appendingPathComponent("layout"), tag: "v1")
        let references = [
            "oci:" + directory.url.path + "/layout:v1",
            directory.url.path + "/layout",
            "docker-archive:" + (try directory.write(fixture.dockerArchive(), to: "legacy.tar")),
            try directory.write(fixture.dockerArchive(modern: true), to: "modern.tar"),
            "oci-archive:" + (try directory.write(fixture.ociArchive(tag: "v2"), to: "oci.tar")) + ":v2",
            try directory.write(fixture.ociArchive(), to: "sniffed-oci.tar"),
        ]
        var configDigests = Set<String>()
        for reference in references {
            let (image, space) = try analyse(reference)
            configDigests.insert(image.configDigest.description)
            #expect(space.visibleBytes == 36, "\(reference)")
            #expect(image.configuration.history?.count == 2, "\(reference)")
        }
        #expect(configDigests.count == 1)
    }

    @Test(arguments: [FixtureImage.Compression.gzip, .zstd, .none])
    func withoutVerificationTheFiguresAreTheSame(_ compression: FixtureImage.Compression) throws {
        let directory = TemporaryDirectory()
        try sampleImage(compression).writeOCILayout(to: directory.url)
        let path = directory.url.path
        let (_, verified) = try analyse(path)
        let (_, trusted) = try analyse(path, verify: false)
        #expect(verified.totalBytes == trusted.totalBytes && verified.visibleBytes == trusted.visibleBytes)
        #expect(verified.layers.map(\.reclaimableBytes) == trusted.layers.map(\.reclaimableBytes))
    }

    @Test func aMultiMemberGzipLayerIsReadWhole() throws {
        var first = TarBuilder()
        first.file("a", size: 3000)
        let tar = first.archive
        let split = tar.count / 2
        let blob = Compressor.gzip(Array(tar[..<split])) + Compressor.gzip(Array(tar[split...]))
        let directory = TemporaryDirectory()
        let config = FixtureImage.configFor(diffIDs: [sha256(tar)])
        try writeLayout(directory, config: config, layers: [(blob, "application/vnd.oci.image.layer.v1.tar+gzip")])
        let (_, space) = try analyse(directory.url.path)
        #expect(space.totalBytes == 3000)
    }

    @Test func picksThePlatformFromAMultiPlatformIndex() throws {
        let directory = TemporaryDirectory()
        var amd = sampleImage()
        amd.architecture = "amd64"
        var arm = sampleImage()
        arm.architecture = "arm64"
        arm.layers[1].createdBy = "RUN /bin/sh -c echo arm # buildkit"
        let digests = try FixtureImage.writeMultiPlatformLayout([(amd, nil), (arm, "v8")], to: directory.url)
        #expect(try analyse(directory.url.path).0.platform?.architecture == "amd64")
        let arm64 = try analyse(directory.url.path, platform: Platform(parsing: "linux/arm64")).0
        #expect(arm64.platform?.architecture == "arm64" && arm64.manifestDigest?.description == digests[1])
        #expect(throws: ImageError.noMatchingPlatform(wanted: "linux/s390x", available: ["linux/amd64", "linux/arm64/v8"])) {
            try analyse(directory.url.path, platform: Platform(parsing: "linux/s390x"))
        }
    }

    @Test func tagsSelectAnImageAndUnknownTagsAreNamed() throws {
        let directory = TemporaryDirectory()
        let fixture = sampleImage()
        try fixture.writeOCILayout(to: directory.url, tag: "v1")
        #expect(throws: ImageError.notAnImage(path: directory.url.path, reason: "no image tagged `v9` (tags: v1)")) {
            try ImageLoader.load("oci:" + directory.url.path + ":v9")
        }
        let archive = try directory.write(fixture.dockerArchive(repoTag: "shop/api:2.1"), to: "a.tar")
        #expect(try ImageLoader.load("docker-archive:" + archive + ":shop/api:2.1").layers.count == 2)
        #expect(throws: ImageError.notAnImage(path: archive, reason: "no image tagged `shop/api:3` (tags: shop/api:2.1)")) {
            try ImageLoader.load("docker-archive:" + archive + ":shop/api:3")
        }
        // Names compare as docker normalises them: podman and skopeo store `docker.io/…` in full.
        let full = try directory.write(fixture.dockerArchive(repoTag: "docker.io/library/nginx:1.27"), to: "full.tar")
        for name in ["nginx:1.27", "library/nginx:1.27", "docker.io/nginx:1.27"] {
            #expect(try ImageLoader.load("docker-archive:" + full + ":" + name).layers.count == 2, "\(name)")
        }
    }

    @Test func contentCanBeCapturedForLaterAnalyses() throws {
        let directory = TemporaryDirectory()
        try sampleImage().writeOCILayout(to: directory.url)
        let image = try ImageLoader.load(directory.url.path)
        let reader = LayerReader { path, _ in path == "etc/os-release" ? 1024 : 0 }
        let changes = try LayerScan.read(image, with: reader)
        let captured = changes[0].captured.values.first.map { String(decoding: $0, as: UTF8.self) }
        #expect(captured?.hasPrefix("ID=debian") == true)
    }
}

func writeLayout(_ directory: TemporaryDirectory, config: [UInt8], layers: [([UInt8], String)]) throws {
    var blobs: [String: [UInt8]] = [sha256(config): config]
    var descriptors: [String] = []
    for (blob, mediaType) in layers {
        let digest = sha256(blob)
        blobs[digest] = blob
        descriptors.append(#"{"mediaType":"\#(mediaType)","digest":"\#(digest)","size":\#(blob.count)}"#)
    }
    // Written by hand: JSONSerialization takes seconds for the 10 000-layer manifest.
    let manifest = Array(#"""
        {"schemaVersion":2,"config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"\#(sha256(config))","size":\#(config.count)},"layers":[\#(descriptors.joined(separator: ","))]}
        """#.utf8)
    blobs[sha256(manifest)] = manifest
    try FixtureImage.writeLayout(blobs: blobs, index: ["schemaVersion": 2, "manifests": [[
        "mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": sha256(manifest), "size": manifest.count]]], to: directory.url)
}

@Suite struct ContentCaptureTests {
    @Test func capturesAreCappedPerFileAndPerLayer() throws {
        var tar = TarBuilder()
        tar.file("etc/passwd", Array(String(repeating: "user:x:1000:1000::/home/user:/bin/sh\n", count: 1_420_000).utf8))
        for index in 0..<40 { tar.file("app/config\(index).json", size: 100_000) }
        let directory = TemporaryDirectory()
        try writeLayout(directory, config: FixtureImage.configFor(diffIDs: [sha256(tar.archive)]),
                        layers: [(tar.archive, "application/vnd.oci.image.layer.v1.tar")])
        let image = try ImageLoader.load(directory.url.path)
        var reader = LayerReader { _, _ in 1 << 20 }
        reader.captureBudget = 2 << 20
        let layer = try #require(try LayerScan.read(image, with: reader).first)
        #expect(layer.entries[0].size > 50 << 20)
        #expect(layer.captured[0]?.count == 1 << 20, "a 50 MB passwd is read for its first MiB")
        #expect(layer.capturedBytes <= 2 << 20 && layer.uncapturedCandidates == 30)
    }
}
