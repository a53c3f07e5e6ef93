import Foundation
import ImageFixtures
import Testing

/// `image`, `sbom` and `scan` on images read from a real registry (Debian's docker-registry, CNCF
/// distribution 2.8) that each test starts on 127.0.0.1: the same answers as from the OCI layout the
/// image was pushed from, with Basic auth and TLS, and a cache that fills only with verified blobs.
@Suite(.enabled(if: TestRegistry.available, "needs docker-registry, skopeo, openssl and htpasswd (apache2-utils); .ci/run installs them"))
struct RegistryTransportTests {
    /// The leaky image with an os-release and a dpkg status file under it, every layer compressed
    /// (skopeo compresses an uncompressed layer on push, which would make the two images differ).
    static func image() -> FixtureImage {
        var base = TarBuilder()
        base.file("etc/os-release", Array("ID=debian\nVERSION_ID=\"12\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n".utf8))
        base.file("var/lib/dpkg/status", Array("""
            Package: curl
            Status: install ok installed
            Version: 7.88.1-10+deb12u5
            Architecture: amd64

            """.utf8))
        var image = ImageCommandTests.leakyImage()
        image.layers.insert(.init(base, createdBy: "/bin/sh -c #(nop) ADD file:os in / "), at: 0)
        for index in image.layers.indices where image.layers[index].compression == .none { image.layers[index].compression = .gzip }
        return image
    }

    /// A JSON report with the reference as written replaced and the members that say where the
    /// image came from (`source`, `resolved`) removed: what must equal between transports.
    static func withoutOrigin(_ text: String, _ reference: String) throws -> [String: Any] {
        let replaced = text.replacingOccurrences(of: reference, with: "REFERENCE")
        var document = try #require(try JSONSerialization.jsonObject(with: Data(replaced.utf8)) as? [String: Any])
        if var image = document["image"] as? [String: Any] {
            for key in ["source", "resolved"] { image[key] = nil }
            document["image"] = image
        }
        return document
    }

    /// A registry started for the test with `image` pushed from an OCI layout, which stays for comparison.
    static func pushed(_ image: FixtureImage, tag: String, as name: String,
                       security: TestRegistry.Security = .none) throws -> (TestRegistry, Scratch, String) {
        let registry = try TestRegistry(security: security)
        let scratch = try Scratch()
        let layout = scratch.url.appendingPathComponent("layout").path
        try image.writeOCILayout(to: URL(fileURLWithPath: layout), tag: tag)
        try registry.push(layout, tag: tag, as: name)
        return (registry, scratch, layout)
    }

    static func canonical(_ object: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test func anImageFromTheRegistryReportsWhatItsLayoutReports() throws {
        let (registry, scratch, layout) = try Self.pushed(Self.image(), tag: "1.0", as: "shop/api:1.0")
        let cache = scratch.url.appendingPathComponent("cache").path
        let reference = "registry:\(registry.host)/shop/api:1.0"
        let remote = try PlimsollBinary.run(["image", reference, "--format", "json", "--cache-dir", cache])
        let local = try PlimsollBinary.run(["image", "oci:\(layout):1.0", "--format", "json"])
        #expect(remote.status == 1, "\(remote.stderr)")
        #expect(remote.stderr.isEmpty, "\(remote.stderr)")
        let expected = try Self.canonical(Self.withoutOrigin(local.stdout, "oci:\(layout):1.0"))
        #expect(try Self.canonical(Self.withoutOrigin(remote.stdout, reference)) == expected)
        let image = try #require((try JSONSerialization.jsonObject(with: Data(remote.stdout.utf8)) as? [String: Any])?["image"] as? [String: Any])
        #expect(image["source"] as? String == "registry")
        let resolved = try #require(image["resolved"] as? [String: Any])
        #expect(resolved["registry"] as? String == registry.host && resolved["repository"] as? String == "shop/api" && resolved["tag"] as? String == "1.0")
        #expect((resolved["digest"] as? String)?.hasPrefix("sha256:") == true)

        // Every layer is now in the cache under its digest, and nothing partial is left beside them.
        let blobs = try FileManager.default.contentsOfDirectory(atPath: cache + "/blobs/sha256")
        let layers = try #require(image["layers"] as? [[String: Any]])
        for layer in layers {
            let digest = try #require(layer["digest"] as? String)
            #expect(blobs.contains(String(digest.dropFirst(7))))
        }
        #expect(!blobs.contains { $0.contains("partial") })

        // A second read from the warm cache gives the same report; so does one with --no-cache.
        let warm = try PlimsollBinary.run(["image", reference, "--format", "json", "--cache-dir", cache])
        #expect(warm.stdout == remote.stdout)
        // `cache info` counts what is there; `prune --older-than` keeps what was just read, `prune` empties it.
        let count = try FileManager.default.contentsOfDirectory(atPath: cache + "/blobs/sha256").count
        let info = try PlimsollBinary.run(["cache", "info", "--cache-dir", cache])
        #expect(info.status == 0 && info.stdout.contains(": \(count) blobs, "), "\(info.stdout)")
        #expect(try PlimsollBinary.run(["cache", "prune", "--older-than", "1", "--cache-dir", cache]).stdout.hasPrefix("removed 0 blobs"))
        #expect(try PlimsollBinary.run(["cache", "prune", "--cache-dir", cache]).stdout.hasPrefix("removed \(count) blobs"))
        #expect(try PlimsollBinary.run(["cache", "info", "--cache-dir", cache]).stdout.contains(": 0 blobs, 0 bytes"))
        for bad in ["soon", "99999"] {
            let refused = try PlimsollBinary.run(["cache", "prune", "--older-than", bad, "--cache-dir", cache])
            #expect(refused.status == 2 && refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
        }

        let skopeoStyle = "docker://\(registry.host)/shop/api:1.0"
        let uncached = try PlimsollBinary.run(["image", skopeoStyle, "--format", "json", "--no-cache"])
        #expect(try Self.canonical(Self.withoutOrigin(uncached.stdout, skopeoStyle)) == expected)
    }

    /// The registry's stored copies of an image's layer blobs (distribution's filesystem layout).
    static func storedLayerBlobs(_ registry: TestRegistry, _ report: String) throws -> [String] {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any])
        let layers = try #require((document["image"] as? [String: Any])?["layers"] as? [[String: Any]])
        return try layers.map { layer in
            let hex = String(try #require(layer["digest"] as? String).dropFirst("sha256:".count))
            return registry.directory.path + "/storage/docker/registry/v2/blobs/sha256/\(hex.prefix(2))/\(hex)/data"
        }
    }

    @Test func aWarmCacheReadsNoLayerAgain() throws {
        let (registry, scratch, layout) = try Self.pushed(Self.image(), tag: "1.0", as: "shop/api:1.0")
        let cache = scratch.url.appendingPathComponent("cache").path
        let reference = "registry:\(registry.host)/shop/api:1.0"
        let image = ["image", reference, "--format", "json", "--cache-dir", cache]
        let sbom = ["sbom", reference, "--format", "json", "--cache-dir", cache]
        let first = try PlimsollBinary.run(image)
        let firstBill = try PlimsollBinary.run(sbom)
        #expect(first.status == 1 && firstBill.status == 0, "\(first.stderr)\(firstBill.stderr)")
        let layers = try Self.storedLayerBlobs(registry, first.stdout)
        // One analysis per layer for what `image` extracts and one for what `sbom` does.
        let info = try PlimsollBinary.run(["cache", "info", "--cache-dir", cache])
        #expect(info.stdout.contains("; \(2 * layers.count) layer analyses, "), "\(info.stdout)")

        // With the layer blobs gone from both the registry and the blob cache, the analyses answer alone.
        for path in layers {
            try FileManager.default.removeItem(atPath: path)
            try FileManager.default.removeItem(atPath: cache + "/blobs/sha256/" + URL(fileURLWithPath: path).deletingLastPathComponent().lastPathComponent)
        }
        let warm = try PlimsollBinary.run(image)
        #expect(warm.status == 1 && warm.stdout == first.stdout, "\(warm.stderr)")
        let warmBill = try PlimsollBinary.run(sbom)
        let local = try PlimsollBinary.run(["sbom", "oci:\(layout):1.0", "--format", "json"])
        #expect(try Self.canonical(Self.withoutOrigin(warmBill.stdout, reference)) == Self.canonical(Self.withoutOrigin(local.stdout, "oci:\(layout):1.0")))

        // Without the cache the layers must come from the registry, which no longer has them.
        let uncached = try PlimsollBinary.run(image + ["--no-cache"])
        #expect(uncached.status == 2 && uncached.stderr.split(separator: "\n").count == 1, "\(uncached.stderr)")
        // Pruning removes the analyses too.
        let pruned = try PlimsollBinary.run(["cache", "prune", "--cache-dir", cache])
        #expect(pruned.stdout.contains("; \(2 * layers.count) layer analyses, "), "\(pruned.stdout)")
        #expect(try PlimsollBinary.run(image).status == 2)
    }

    @Test func aDamagedCachedBlobIsDeletedAndFetchedAgain() throws {
        let (registry, scratch, _) = try Self.pushed(Self.image(), tag: "1.0", as: "shop/api:1.0")
        let cache = scratch.url.appendingPathComponent("cache").path
        let image = ["image", "registry:\(registry.host)/shop/api:1.0", "--format", "json", "--cache-dir", cache]
        let first = try PlimsollBinary.run(image)
        #expect(first.status == 1, "\(first.stderr)")
        // Same size, other bytes: only the digest check can tell. Without the analyses the blob is read.
        let layers = try Self.storedLayerBlobs(registry, first.stdout)
        let cached = cache + "/blobs/sha256/" + URL(fileURLWithPath: try #require(layers.last)).deletingLastPathComponent().lastPathComponent
        let original = try Data(contentsOf: URL(fileURLWithPath: cached))
        try Data(repeating: 0x42, count: original.count).write(to: URL(fileURLWithPath: cached))
        try FileManager.default.removeItem(atPath: cache + "/analysis")
        let again = try PlimsollBinary.run(image)
        #expect(again.status == 1 && again.stdout == first.stdout && again.stderr.isEmpty, "\(again.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: cached)) == original)
    }

    /// A disk that fills while caching: writes past 8 KiB fail (RLIMIT_FSIZE, with SIGXFSZ ignored, as
    /// ENOSPC fails a write). The report is the same, and no partial entry is left.
    @Test func aFullDiskWhileCachingStillReports() throws {
        var image = Self.image()
        var large = TarBuilder()
        large.file("app/model.bin", (0..<40_000).map { _ in UInt8.random(in: 0...255) })
        image.layers.append(.init(large, compression: .gzip, createdBy: "COPY model.bin /app/ # buildkit"))
        let (registry, scratch, _) = try Self.pushed(image, tag: "1.0", as: "shop/api:1.0")
        let cache = scratch.url.appendingPathComponent("cache").path
        let reference = "registry:\(registry.host)/shop/api:1.0"
        let expected = try PlimsollBinary.run(["image", reference, "--format", "json", "--no-cache"])
        let limited = try PlimsollBinary.run(["-c", "trap '' XFSZ; ulimit -f 8; exec \"$0\" \"$@\"", PlimsollBinary.url.path,
                                              "image", reference, "--format", "json", "--cache-dir", cache], executable: "/bin/sh")
        #expect(limited.status == 1 && limited.stdout == expected.stdout, "\(limited.stderr)")
        var sizes: [String: Int] = [:]
        for folder in ["blobs/sha256", "analysis"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: cache + "/" + folder) {
                sizes[folder + "/" + name] = try FileManager.default.attributesOfItem(atPath: cache + "/" + folder + "/" + name)[.size] as? Int
            }
        }
        #expect(!sizes.keys.contains { $0.contains("partial") }, "\(sizes)")
        #expect(sizes.values.allSatisfy { $0 <= 8192 }, "\(sizes)")
        // Something was too large to keep: the limit did bite.
        let stored = try Self.storedLayerBlobs(registry, expected.stdout)
        #expect(stored.contains { ((try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int) ?? 0) > 8192 })
    }

    @Test(.enabled(if: Prerequisite.exists(ScanCommandTests.osv), "../shared/corpus/osv is absent"))
    func sbomAndScanFromTheRegistryMatchTheLayout() throws {
        let (registry, scratch, layout) = try Self.pushed(ScanCommandTests.vulnerableImage(), tag: "7", as: "legacy/web:7")
        let database = scratch.url.appendingPathComponent("advisories.sqlite").path
        #expect(try PlimsollBinary.run(["db", "import", ScanCommandTests.osv.path, "--db", database]).status == 0)
        // A bare name that is not a path is a registry reference.
        let reference = "\(registry.host)/legacy/web:7"
        let local = "oci:\(layout):7"
        for arguments in [["sbom", "--format", "json"], ["scan", "--db", database, "--format", "json"]] {
            let remote = try PlimsollBinary.run([arguments[0], reference] + arguments.dropFirst() + ["--no-cache"])
            let fromLayout = try PlimsollBinary.run([arguments[0], local] + arguments.dropFirst())
            #expect(remote.status == fromLayout.status, "\(remote.stderr)")
            #expect(remote.stdout.contains("nginx-full"))
            #expect(try Self.canonical(Self.withoutOrigin(remote.stdout, reference)) == Self.canonical(Self.withoutOrigin(fromLayout.stdout, local)))
        }
    }

    @Test func basicAuthUsesTheAuthFileAndSaysWhatIsMissing() throws {
        let (registry, scratch, _) = try Self.pushed(Self.image(), tag: "1.0", as: "private/app:1.0", security: .basic(user: "ci", password: "s3cret-pass"))
        let reference = "registry:\(registry.host)/private/app:1.0"
        let empty = try scratch.write("home/.keep", "")
        let home = ["HOME": empty.deletingLastPathComponent().path, "DOCKER_CONFIG": scratch.url.appendingPathComponent("none").path]

        let anonymous = try PlimsollBinary.run(["image", reference, "--no-cache"], environment: home)
        #expect(anonymous.status == 2)
        #expect(anonymous.stderr.contains("needs credentials") && anonymous.stderr.contains("--authfile"), "\(anonymous.stderr)")

        let encoded = Data("ci:s3cret-pass".utf8).base64EncodedString()
        let authFile = try scratch.write("auth.json", #"{"auths": {"\#(registry.host)": {"auth": "\#(encoded)"}}}"#)
        let authorised = try PlimsollBinary.run(["image", reference, "--no-cache", "--authfile", authFile.path], environment: home)
        #expect(authorised.status == 1, "\(authorised.stderr)")
        #expect(authorised.stdout.contains("3 layers") || authorised.stdout.contains("4 layers"))

        // The same credentials found through DOCKER_CONFIG, as docker login writes them.
        _ = try scratch.write("docker/config.json", #"{"auths": {"https://\#(registry.host)/v2/": {"auth": "\#(encoded)"}}}"#)
        let fromDocker = try PlimsollBinary.run(["image", reference, "--no-cache"],
                                                environment: ["HOME": home["HOME"] ?? "", "DOCKER_CONFIG": scratch.url.appendingPathComponent("docker").path])
        #expect(fromDocker.status == 1, "\(fromDocker.stderr)")

        let wrong = try scratch.write("wrong.json", #"{"auths": {"\#(registry.host)": {"auth": "\#(Data("ci:nope".utf8).base64EncodedString())"}}}"#)
        let refused = try PlimsollBinary.run(["image", reference, "--no-cache", "--authfile", wrong.path], environment: home)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("refused the credentials"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("nope") && !authorised.stderr.contains("s3cret"))
    }

    @Test func tlsNeedsTheCertificateTrusted() throws {
        let (registry, _, _) = try Self.pushed(Self.image(), tag: "1.0", as: "secure/app:1.0", security: .tls)
        let reference = "registry:\(registry.host)/secure/app:1.0"
        let trusted = try PlimsollBinary.run(["image", reference, "--no-cache", "--ca-cert", registry.certificate])
        #expect(trusted.status == 1, "\(trusted.stderr)")
        // Plain HTTP to a TLS port is no way round it: loopback falls back to HTTP, which this port does not speak.
        let untrusted = try PlimsollBinary.run(["image", reference, "--no-cache"])
        #expect(untrusted.status == 2)
        #expect(untrusted.stderr.contains("not trusted") || untrusted.stderr.contains("TLS"), "\(untrusted.stderr)")
    }

    @Test func checkJoinsADockerfileAndARegistryImage() throws {
        let (registry, scratch, _) = try Self.pushed(Self.image(), tag: "1.0", as: "shop/api:1.0")
        try scratch.write("Dockerfile", ImageCommandTests.dockerfile)
        let outcome = try PlimsollBinary.run(["check", ".", "--image", "\(registry.host)/shop/api:1.0", "--format", "json", "--no-cache"],
                                             in: scratch.url)
        #expect(outcome.status == 1, "\(outcome.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let rules = Set(((document["findings"] as? [[String: Any]]) ?? []).compactMap { $0["rule"] as? String })
        #expect(rules.isSuperset(of: ["PD002", "PI001", "PI003", "PI005"]), "\(rules)")
        #expect((document["image"] as? [String: Any])?["source"] as? String == "registry")
    }

    @Test func missingImagesAndTagsSaySo() throws {
        let registry = try TestRegistry()
        let missing = try PlimsollBinary.run(["image", "registry:\(registry.host)/nothing/here:1", "--no-cache"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("has no manifest nothing/here:1"), "\(missing.stderr)")
        #expect(missing.stderr.split(separator: "\n").count == 1)
    }
}
