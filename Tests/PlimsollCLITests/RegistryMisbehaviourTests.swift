import Foundation
import ImageFixtures
import Testing

/// What a real registry will not do on request, from an in-process one: Bearer tokens, a redirect
/// to blob storage (which must not see the credentials), rate limits, lies, cuts and bombs. Each
/// read either works or fails with one line and exit status 2.
@Suite struct RegistryMisbehaviourTests {
    static var image: FixtureImage { RegistryTransportTests.image() }
    static let reference = "shop/api:1.0"

    static func read(_ registry: FakeRegistry, _ more: [String] = [], cache: String? = nil) throws -> PlimsollBinary.Outcome {
        try PlimsollBinary.run(["image", "registry:\(registry.host)/\(reference)", "--format", "json", "--registry-timeout", "2"]
            + (cache.map { ["--cache-dir", $0] } ?? ["--no-cache"]) + more)
    }

    static func failure(_ behaviour: FakeRegistry.Behaviour, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let registry = try FakeRegistry(image: image, behaviour: behaviour)
        defer { registry.stop() }
        let outcome = try read(registry)
        #expect(outcome.status == 2, "\(outcome.stderr)", sourceLocation: sourceLocation)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)", sourceLocation: sourceLocation)
        #expect(outcome.stderr.split(separator: "\n").count == 1, "\(outcome.stderr)", sourceLocation: sourceLocation)
        #expect(!outcome.stderr.contains("fake-token"), sourceLocation: sourceLocation)
    }

    /// The layers of a JSON image report, for comparing reads.
    static func layers(_ outcome: PlimsollBinary.Outcome) throws -> String {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let image = try #require(document["image"] as? [String: Any])
        return try RegistryTransportTests.canonical(image["layers"] ?? [])
    }

    /// Docker Hub's remaining pull quota is a warning when low, and silent otherwise; the read goes on.
    @Test(arguments: [(3, true), (500, false)])
    func fewPullsLeftIsAWarning(_ left: Int, _ warns: Bool) throws {
        var behaviour = FakeRegistry.Behaviour()
        behaviour.pullsRemaining = left
        let registry = try FakeRegistry(image: Self.image, behaviour: behaviour)
        defer { registry.stop() }
        for command in ["image", "sbom"] {
            let outcome = try PlimsollBinary.run([command, "registry:\(registry.host)/\(Self.reference)", "--format", "json", "--no-cache"])
            #expect(outcome.status != 2 && !outcome.stdout.isEmpty, "\(outcome.stderr)")
            #expect(outcome.stderr.contains("plimsoll: warning: \(registry.host) allows \(left) more pulls") == warns, "\(outcome.stderr)")
        }
    }

    /// HTTP_PROXY carries requests for a registry whose name only the proxy knows; NO_PROXY skips it.
    @Test func anHTTPProxyCarriesTheRegistryRequests() throws {
        var behaviour = FakeRegistry.Behaviour()
        behaviour.proxiedAuthority = "registry.test:5000"
        let proxy = try FakeRegistry(image: Self.image, behaviour: behaviour)
        defer { proxy.stop() }
        let arguments = ["image", "registry:registry.test:5000/\(Self.reference)", "--format", "json", "--no-cache",
                         "--insecure-registry", "registry.test:5000", "--registry-timeout", "2"]
        let proxied = try PlimsollBinary.run(arguments, environment: ["HTTP_PROXY": "http://\(proxy.host)"])
        #expect(proxied.status == 1 && proxied.stdout.contains("\"layers\""), "\(proxied.stderr)")
        #expect(proxy.server.requests.contains { $0.path.hasPrefix("http://registry.test:5000/v2/shop/api/blobs/") })
        let excluded = try PlimsollBinary.run(arguments, environment: ["HTTP_PROXY": "http://\(proxy.host)", "NO_PROXY": ".test"])
        #expect(excluded.status == 2 && excluded.stderr.split(separator: "\n").count == 1, "\(excluded.stderr)")
        let badProxy = try PlimsollBinary.run(arguments, environment: ["HTTP_PROXY": "http://[::1"])
        #expect(badProxy.status == 2 && badProxy.stderr.contains("HTTP_PROXY"), "\(badProxy.stderr)")
    }

    @Test func bearerTokensAndARedirectToStorageThatSeesNoCredentials() throws {
        let storage = try BlobStorage(blobs: Self.image.blobs().blobs)
        defer { storage.server.stop() }
        var behaviour = FakeRegistry.Behaviour()
        behaviour.redirectBlobsTo = storage.base
        let registry = try FakeRegistry(image: Self.image, behaviour: behaviour)
        defer { registry.stop() }
        let outcome = try Self.read(registry)
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(storage.requestCount >= Self.image.layers.count)
        #expect(!storage.sawAuthorization)
        #expect(registry.server.requests.contains { $0.path.hasPrefix("/token") && $0.path.contains("scope=repository%3Ashop%2Fapi%3Apull") })
    }

    @Test func rateLimitsWrongDigestHintsAndACutBlobAreRecoveredFrom() throws {
        let plain = try FakeRegistry(image: Self.image)
        let expected = try Self.layers(try Self.read(plain))
        plain.stop()
        var behaviour = FakeRegistry.Behaviour()
        behaviour.rateLimitOnce = true
        behaviour.wrongDigestHeader = true
        behaviour.cutLargestLayerOnce = true
        let registry = try FakeRegistry(image: Self.image, behaviour: behaviour)
        defer { registry.stop() }
        let scratch = try Scratch()
        let cache = scratch.url.appendingPathComponent("cache").path
        let outcome = try Self.read(registry, cache: cache)
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(try Self.layers(outcome) == expected)
        // The cut layer was fetched again from the start (this server ignores Range) and cached whole.
        let largest = registry.largestLayer
        #expect(registry.server.requests.filter { $0.path.hasSuffix(largest) }.count == 2)
        #expect(registry.server.requests.contains { $0.path.hasSuffix(largest) && $0.headers["range"]?.hasPrefix("bytes=") == true })
        let cached = try Data(contentsOf: URL(fileURLWithPath: cache + "/blobs/sha256/" + largest.dropFirst(7)))
        #expect(sha256([UInt8](cached)) == largest)
    }

    @Test func aLyingRegistryGetsOneErrorLine() throws {
        var corrupt = FakeRegistry.Behaviour()
        corrupt.corruptLargestLayer = true
        try Self.failure(corrupt, "does not match its digest")

        var endless = FakeRegistry.Behaviour()
        endless.endlessLayer = true
        try Self.failure(endless, "its descriptor says")

        var huge = FakeRegistry.Behaviour()
        huge.announcedManifestSize = 100 << 20
        try Self.failure(huge, "too large")

        var loop = FakeRegistry.Behaviour()
        loop.redirectLoop = true
        try Self.failure(loop, "more than 10 redirects")

        var realm = FakeRegistry.Behaviour()
        realm.realmStatus = 401
        try Self.failure(realm, "refused an anonymous pull")

        var schema1 = FakeRegistry.Behaviour()
        schema1.manifest = (Array(#"{"schemaVersion": 1, "name": "shop/api", "tag": "1.0", "fsLayers": []}"#.utf8),
                            "application/vnd.docker.distribution.manifest.v1+prettyjws")
        try Self.failure(schema1, "Docker schema 1")

        var mislabelled = FakeRegistry.Behaviour()
        mislabelled.manifest = (Self.image.blobs().manifest, "application/vnd.docker.distribution.manifest.list.v2+json")
        try Self.failure(mislabelled, "was served as application/vnd.docker.distribution.manifest.list.v2+json")

        // An index whose entry, fetched by digest, is answered with the index again.
        var selfListing = FakeRegistry.Behaviour()
        let index = #"{"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json", "manifests": [{"mediaType": "application/vnd.oci.image.index.v1+json", "digest": "sha256:\#(String(repeating: "e", count: 64))", "size": 100, "platform": {"os": "linux", "architecture": "amd64"}}]}"#
        selfListing.manifest = (Array(index.utf8), "application/vnd.oci.image.index.v1+json")
        try Self.failure(selfListing, "does not match its digest")
    }

    @Test func aSilentServerTimesOut() throws {
        let server = try LocalHTTPServer(routes: [:])
        defer { server.stop() }
        server.handler = { _ in .silence(seconds: 3) }
        let outcome = try PlimsollBinary.run(["image", "registry:127.0.0.1:\(server.port)/app:1", "--no-cache", "--registry-timeout", "1"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("timed out") || outcome.stderr.contains("TLS"), "\(outcome.stderr)")
        #expect(outcome.stderr.split(separator: "\n").count == 1)
    }

    @Test func credentialHelpersThatFailSaySo() throws {
        let registry = try FakeRegistry(image: Self.image)
        defer { registry.stop() }
        let scratch = try Scratch()
        let bin = scratch.url.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let helpers = [("hangs", "sleep 30"), ("garbage", "echo 'not json at all'"),
                       ("works", #"read server; echo "{\"ServerURL\": \"$server\", \"Username\": \"u\", \"Secret\": \"p\"}""#)]
        for (name, body) in helpers {
            let path = bin.appendingPathComponent("docker-credential-" + name).path
            try "#!/bin/sh\n\(body)\n".write(toFile: path, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }
        let path = bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        for (helper, message) in [("hangs", "did not answer within 1 s"), ("garbage", "is not its JSON answer"), ("missing", "cannot run docker-credential-missing"),
                                  ("works", "")] {
            let config = try scratch.write("docker-\(helper)/config.json", #"{"credHelpers": {"\#(registry.host)": "\#(helper)"}}"#)
            let outcome = try PlimsollBinary.run(["image", "registry:\(registry.host)/\(Self.reference)", "--no-cache", "--registry-timeout", "1"],
                                                 environment: ["PATH": path, "DOCKER_CONFIG": config.deletingLastPathComponent().path])
            if message.isEmpty {
                #expect(outcome.status == 1, "\(outcome.stderr)")
            } else {
                #expect(outcome.status == 2 && outcome.stderr.contains(message), "\(helper): \(outcome.stderr)")
                #expect(outcome.stderr.split(separator: "\n").count == 1)
            }
        }
    }
}
