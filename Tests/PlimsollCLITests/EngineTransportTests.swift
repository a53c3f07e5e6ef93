import Foundation
import ImageFixtures
import Testing

/// `docker-daemon:NAME` against podman's Docker Engine API, started by the test with its own storage.
@Suite(.enabled(if: TestEngine.available && TestRegistry.available, "needs podman (its `system service` serves the Docker Engine API) and skopeo; .ci/run installs them"))
struct EngineTransportTests {
    @Test func anImageFromTheEngineReportsWhatItsArchiveReports() throws {
        let engine = try TestEngine()
        let scratch = try Scratch()
        let archive = scratch.url.appendingPathComponent("image.tar").path
        // skopeo writes the archive podman loads, as `docker save` would have (gzip only: Docker images have no zstd).
        let layout = scratch.url.appendingPathComponent("layout").path
        var image = RegistryTransportTests.image()
        for index in image.layers.indices { image.layers[index].compression = .gzip }
        try image.writeOCILayout(to: URL(fileURLWithPath: layout), tag: "1.0")
        let saved = try ExternalTool.run(["skopeo", "--insecure-policy", "copy", "--quiet", "oci:\(layout):1.0", "docker-archive:\(archive):shop/api:1.0"],
                                         mergingErrors: true)
        #expect(saved.status == 0, "\(saved.text)")
        try engine.load(archive)
        let reference = "docker-daemon:shop/api:1.0"
        let fromEngine = try PlimsollBinary.run(["image", reference, "--format", "json"], environment: ["DOCKER_HOST": engine.dockerHost])
        let fromArchive = try PlimsollBinary.run(["image", "docker-archive:" + archive, "--format", "json"])
        #expect(fromEngine.status == 1, "\(fromEngine.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(fromEngine.stdout.utf8)) as? [String: Any])
        #expect((document["image"] as? [String: Any])?["source"] as? String == "docker-daemon")
        // The engine re-exports the image; its layers, files and findings are the same.
        let layers = { (text: String, name: String) throws -> String in
            let image = try RegistryTransportTests.withoutOrigin(text, name)["image"] as? [String: Any]
            return try RegistryTransportTests.canonical([image?["layers"] ?? [], image?["largest"] ?? [], image?["totalBytes"] ?? 0])
        }
        #expect(try layers(fromEngine.stdout, reference) == layers(fromArchive.stdout, "docker-archive:" + archive))

        let missing = try PlimsollBinary.run(["image", "docker-daemon:nothing/here:1"], environment: ["DOCKER_HOST": engine.dockerHost])
        #expect(missing.status == 2 && missing.stderr.contains("has no image nothing/here:1"), "\(missing.stderr)")
    }

    @Test func anEngineThatIsNotThereSaysHowToFixIt() throws {
        let outcome = try PlimsollBinary.run(["image", "docker-daemon:app:1"], environment: ["DOCKER_HOST": "unix:///nonexistent/docker.sock"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("cannot reach the Docker engine at unix:///nonexistent/docker.sock") && outcome.stderr.contains("DOCKER_HOST"))
        let bad = try PlimsollBinary.run(["image", "docker-daemon:app:1"], environment: ["DOCKER_HOST": "ssh://host"])
        #expect(bad.status == 2 && bad.stderr.contains("neither unix:// nor tcp://"), "\(bad.stderr)")
    }
}
