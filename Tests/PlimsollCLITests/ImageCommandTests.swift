import Foundation
import ImageFixtures
import Testing

/// `plimsoll image` and `check --image` end to end, on images the test builds.
@Suite struct ImageCommandTests {
    /// The make-images "bad" image in miniature: apt lists left by one RUN and deleted by the next.
    static func leakyImage() -> FixtureImage {
        var base = TarBuilder()
        base.directory("usr/bin")
        base.file("usr/bin/env", size: 30_000)
        var install = TarBuilder()
        install.file("usr/bin/curl", size: 200_000)
        install.file("var/lib/apt/lists/deb_Packages", size: 3_000_000)
        install.file("var/cache/apt/pkgcache.bin", size: 500_000)
        var cleanup = TarBuilder()
        cleanup.whiteout("var/lib/apt/lists/deb_Packages")
        var image = FixtureImage(layers: [
            .init(base, createdBy: "/bin/sh -c #(nop) ADD file:rootfs in / "),
            .init(install, compression: .zstd, createdBy: "RUN /bin/sh -c apt-get update && apt-get install -y curl # buildkit"),
            .init(cleanup, compression: .none, createdBy: "RUN /bin/sh -c rm -rf /var/lib/apt/lists/* # buildkit"),
        ])
        image.emptyHistory = ["CMD [\"curl\"]"]
        return image
    }

    static let dockerfile = """
        FROM debian:12-slim
        RUN apt-get update && apt-get install -y curl
        RUN rm -rf /var/lib/apt/lists/*
        CMD ["curl"]
        """

    /// The archives users have: `docker save img | gzip` (and zstd) read as the tar; a file that is
    /// no tar, compressed or not, and a Dockerfile given as the image say what they are.
    @Test func compressedArchivesAreReadAndNonArchivesSaySo() throws {
        let scratch = try Scratch()
        let archive = Self.leakyImage().dockerArchive()
        let plain = try PlimsollBinary.run(["image", try scratch.write("plain.tar", Data(archive)).path, "--format", "json"])
        func layers(_ text: String) throws -> String {
            let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            return try RegistryTransportTests.canonical((document["image"] as? [String: Any])?["layers"] ?? [])
        }
        for (name, bytes) in [("img.tar.gz", Compressor.gzip(archive)), ("img.tar.zst", Compressor.zstd(archive))] {
            let path = try scratch.write(name, Data(bytes)).path
            for reference in [path, "docker-archive:" + path] {
                let outcome = try PlimsollBinary.run(["image", reference, "--format", "json"])
                let same = try layers(outcome.stdout) == layers(plain.stdout)
                #expect(outcome.status == plain.status && same, "\(reference): \(outcome.stderr)")
            }
        }
        let cases: [(String, Data, String)] = [
            ("text.gz", Data(Compressor.gzip(Array("hello\n".utf8))), "what its gzip stream holds is not a tar archive"),
            ("random.bin", Data((0..<600).map { UInt8(truncatingIfNeeded: $0 &* 37) }), "is not a tar archive"),
            ("Dockerfile", Data("# syntax=docker/dockerfile:1\nFROM debian:12\n".utf8), "looks like a Dockerfile; give it with --dockerfile"),
            ("cut.tar.gz", Data(Compressor.gzip(archive).prefix(400)), "it is gzip-compressed, but"),
        ]
        for (name, bytes, message) in cases {
            let outcome = try PlimsollBinary.run(["image", try scratch.write(name, bytes).path])
            #expect(outcome.status == 2 && outcome.stderr.split(separator: "\n").count == 1 && outcome.stderr.contains(message), "\(name): \(outcome.stderr)")
        }
    }

    /// A Dockerfile that did not build the image is said to be one, once, and the findings stay on
    /// the image instead of landing on lines that made nothing.
    @Test func anUnrelatedDockerfileIsNotJoined() throws {
        let scratch = try Scratch()
        let archive = try scratch.write("leaky.tar", Data(Self.leakyImage().dockerArchive())).path
        let own = try scratch.write("Dockerfile", Self.dockerfile).path
        let other = try scratch.write("other.Dockerfile", "FROM node:22-slim\nRUN npm ci\nRUN npm run build\nCMD [\"node\", \"dist/server.js\"]\n").path
        let joined = try PlimsollBinary.run(["image", archive, "--dockerfile", own, "--no-color"])
        #expect(!joined.stderr.contains("does not look like") && joined.stdout.contains(own + ":2:1"), "\(joined.stdout)\(joined.stderr)")
        let unrelated = try PlimsollBinary.run(["image", archive, "--dockerfile", other, "--no-color"])
        #expect(unrelated.stderr.components(separatedBy: "does not look like the Dockerfile").count == 2, "\(unrelated.stderr)")
        #expect(!unrelated.stdout.contains(other + ":"), "findings must not land on the unrelated file: \(unrelated.stdout)")
        #expect(unrelated.status == joined.status)
    }

    @Test func theTextReportShowsLayersWinsAndFindings() throws {
        let scratch = try Scratch()
        let archive = scratch.url.appendingPathComponent("leaky.tar")
        try Data(Self.leakyImage().dockerArchive()).write(to: archive)
        let outcome = try PlimsollBinary.run(["image", archive.path, "--no-color"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("Image \(archive.path) (docker-archive, linux/amd64, 3 layers)"))
        #expect(outcome.stdout.contains("efficiency 19.6%"), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("█ bytes that ship and count, ░ reclaimable"), "the layer bars have a legend")
        #expect(outcome.stdout.contains("remove 2.9 MiB: delete /var/lib/apt/lists/deb_Packages (2.9 MiB) in layer 1"))
        #expect(outcome.stdout.contains("\(archive.path) /var/lib/apt/lists/deb_Packages (layer 1): warning[PI001]"))
        #expect(outcome.stdout.contains("warning[PI003] the image ships 488.3 KiB of apt package cache"))
    }

    @Test func jsonCarriesTheImageAndTheDockerfileLines() throws {
        let scratch = try Scratch()
        try Self.leakyImage().writeOCILayout(to: scratch.url.appendingPathComponent("layout"), tag: "1.0")
        try scratch.write("Dockerfile", Self.dockerfile)
        let outcome = try PlimsollBinary.run(["image", "oci:layout:1.0", "--dockerfile", "Dockerfile", "--format", "json"], in: scratch.url)
        #expect(outcome.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let image = try #require(document["image"] as? [String: Any])
        #expect(image["totalBytes"] as? Int == 3_730_000 && image["visibleBytes"] as? Int == 730_000)
        #expect(image["reclaimableBytes"] as? Int == 3_000_000 && image["platform"] as? String == "linux/amd64")
        let layers = try #require(image["layers"] as? [[String: Any]])
        #expect(layers.map { $0["index"] as? Int } == [0, 1, 2])
        #expect(layers[1]["reclaimableBytes"] as? Int == 3_000_000)
        #expect((layers[1]["instruction"] as? [String: Any])?["line"] as? Int == 2)
        #expect(layers[0]["fromBaseImage"] as? Bool == true)
        #expect((layers[1]["mediaType"] as? String)?.hasSuffix("zstd") == true)
        let history = try #require(image["history"] as? [[String: Any]])
        #expect(history.count == 4 && history[3]["emptyLayer"] as? Bool == true && history[3]["layer"] is NSNull)
        let dive = try #require(image["dive"] as? [String: Any])
        #expect(dive["wastedBytes"] as? Int == 3_000_000)
        let findings = try #require(document["findings"] as? [[String: Any]])
        let removed = try #require(findings.first { $0["rule"] as? String == "PI001" })
        #expect(removed["file"] as? String == "Dockerfile" && removed["line"] as? Int == 2)
        #expect(removed["layer"] as? Int == 1 && removed["path"] as? String == "/var/lib/apt/lists/deb_Packages")
        let efficiency = try #require(findings.first { $0["rule"] as? String == "PI005" })
        #expect(efficiency["line"] is NSNull && efficiency["file"] as? String == "oci:layout:1.0")
    }

    @Test func checkJoinsDockerfileAndImageFindingsInOneReport() throws {
        let scratch = try Scratch()
        try scratch.write("Dockerfile", Self.dockerfile)
        try Data(Self.leakyImage().ociArchive()).write(to: scratch.url.appendingPathComponent("image.tar"))
        let outcome = try PlimsollBinary.run(["check", ".", "--image", "image.tar", "--format", "json"], in: scratch.url)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let rules = Set(((document["findings"] as? [[String: Any]]) ?? []).compactMap { $0["rule"] as? String })
        #expect(rules.isSuperset(of: ["PD002", "PI001", "PI003", "PI005"]), "\(rules)")
        #expect(outcome.status == 1)
    }

    @Test func ciThresholdsComeFromFlagsOrConfiguration() throws {
        let scratch = try Scratch()
        try Data(Self.leakyImage().dockerArchive(modern: true)).write(to: scratch.url.appendingPathComponent("i.tar"))
        let relaxed = try PlimsollBinary.run(["image", "i.tar", "--min-efficiency", "10", "--format", "json", "--fail-on", "error"], in: scratch.url)
        #expect(relaxed.status == 0 && !relaxed.stdout.contains("\"PI005\""))
        let strict = try PlimsollBinary.run(["image", "i.tar", "--max-size", "1", "--max-reclaimable", "2", "--format", "json"], in: scratch.url)
        #expect(strict.stdout.contains("\"PI007\"") && strict.stdout.contains("\"PI006\""))
        try scratch.write(".plimsoll.yaml", "rules:\n  image-size-limit:\n    max-size-mb: 1\n")
        let configured = try PlimsollBinary.run(["image", "i.tar", "--format", "json"], in: scratch.url)
        #expect(configured.stdout.contains("\"PI007\""))
    }

    @Test func noVerifySkipsTheDigestChecks() throws {
        let scratch = try Scratch()
        var image = Self.leakyImage()
        image.layers[2].compression = .none
        var archive = image.dockerArchive()
        // Flip one byte of file data in the uncompressed layer.tar of layer 1 ("usr/bin/curl" content is all "x").
        let marker = Array(repeating: UInt8(ascii: "x"), count: 4096)
        let index = try #require(archive.indices.first { archive[$0..<min($0 + 4096, archive.count)].elementsEqual(marker) })
        archive[index + 100] = UInt8(ascii: "y")
        try Data(archive).write(to: scratch.url.appendingPathComponent("tampered.tar"))
        let verified = try PlimsollBinary.run(["image", "tampered.tar"], in: scratch.url)
        #expect(verified.status == 2 && verified.stderr.contains("does not match its digest"), "\(verified.stderr)")
        let trusted = try PlimsollBinary.run(["image", "tampered.tar", "--no-verify", "--format", "json"], in: scratch.url)
        #expect(trusted.stdout.contains("\"totalBytes\": 3730000"), "\(trusted.stderr)")
    }

    @Test func anArchiveCanBePipedIn() throws {
        let archive = Data(Self.leakyImage().dockerArchive())
        let outcome = try PlimsollBinary.run(["image", "-", "--format", "json"], stdin: archive)
        #expect(outcome.stdout.contains("\"reclaimableBytes\": 3000000"), "\(outcome.stderr)")
        let empty = try PlimsollBinary.run(["image", "-"], stdin: Data())
        #expect(empty.status == 2 && empty.stderr == "plimsoll: error: standard input is not an image: nothing was piped in\n")
    }

    @Test func badImagesAndOptionsGiveOneErrorLine() throws {
        let scratch = try Scratch()
        try Self.leakyImage().writeOCILayout(to: scratch.url.appendingPathComponent("layout"))
        let blob = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path + "/layout/blobs/sha256")
            .map { scratch.url.path + "/layout/blobs/sha256/" + $0 }
            .max { (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int ?? 0) ?? 0 < (try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int ?? 0) ?? 0 }
        let cases: [([String], String)] = [
            (["image", "registry:shop/API:1"], "has `API`; names are lowercase"),
            (["image", "registry:shop/api:bad tag"], "has tag `bad tag`"),
            (["image", "registry:shop/api@sha256:1234"], "has a digest that is not sha256"),
            (["image", "registry:"], "the image name is empty"),
            (["image", "ftp://host/app"], "`ftp://` is not a transport plimsoll reads"),
            (["image", "registry:127.0.0.1:1/app:1"], "cannot connect to 127.0.0.1:1"),
            (["image", "docker-archive:missing.tar"], "cannot read missing.tar: No such file or directory"),
            (["image", "oci:layout", "--platform", "linux"], "platform `linux` is not os/arch[/variant]"),
            (["image", "oci:layout", "--platform", "linux/arm64"], "no image for platform linux/arm64"),
            (["image", "oci:layout", "--min-efficiency", "120"], "--min-efficiency must be in 0...100"),
            (["image", "Dockerfile"], "is not an image"),
        ]
        try scratch.write("Dockerfile", "FROM scratch\n")
        for (arguments, message) in cases {
            let outcome = try PlimsollBinary.run(arguments, in: scratch.url)
            #expect(outcome.status == 2 && outcome.stderr.contains(message) && outcome.stderr.split(separator: "\n").count == 1,
                    "\(arguments): \(outcome.stderr)")
        }
        if let blob {
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: blob)))
            bytes.removeLast(bytes.count / 2)
            try Data(bytes).write(to: URL(fileURLWithPath: blob))
            let outcome = try PlimsollBinary.run(["image", "oci:layout"], in: scratch.url)
            #expect(outcome.status == 2 && outcome.stderr.contains("bytes, its descriptor says"), "\(outcome.stderr)")
        }
    }
}
