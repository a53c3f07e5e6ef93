import Foundation
import ImageFixtures
import Testing

/// plimsoll's own image (image/Dockerfile), built with buildah from the tuned binary and analysed
/// by plimsoll itself: nothing to reclaim, no findings, a non-root user and the OCI labels.
@Suite(.enabled(if: Prerequisite.runs(["buildah", "--version"]), "needs buildah (Debian's; `make test` installs it)"))
struct OwnImageTests {
    @Test func theImageIsBuiltAndHasNothingToFind() throws {
        let scratch = try Scratch()
        let archive = scratch.url.appendingPathComponent("plimsoll-image.tar").path
        let built = try ExternalTool.run(["bash", PlimsollBinary.repository.appendingPathComponent("scripts/build-image.sh").path, archive],
                                         mergingErrors: true)
        #expect(built.status == 0, "\(built.text.suffix(2000))")
        let dockerfile = PlimsollBinary.repository.appendingPathComponent("image/Dockerfile").path
        let analysed = try PlimsollBinary.run(["image", archive, "--dockerfile", dockerfile, "--format", "json"])
        #expect(analysed.status == 0, "\(analysed.stdout.prefix(2000))\(analysed.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(analysed.stdout.utf8)) as? [String: Any])
        #expect((document["findings"] as? [Any])?.isEmpty == true, "\(document["findings"] ?? [])")
        let image = try #require(document["image"] as? [String: Any])
        #expect(image["reclaimableBytes"] as? Int == 0 && image["efficiency"] as? Double == 1.0 && (image["totalBytes"] as? Int ?? 0) > 10_000_000,
                "\(image["totalBytes"] ?? "?")")
        // The config as Docker stores it: a non-root user and the OCI labels.
        let read = "import json, sys, tarfile; t = tarfile.open(sys.argv[1]); m = json.load(t.extractfile('manifest.json'));"
            + " print(json.dumps(json.load(t.extractfile(m[0]['Config']))['config']))"
        let config = try #require(try JSONSerialization.jsonObject(with: Data(ExternalTool.run(["python3", "-c", read, archive]).output)) as? [String: Any])
        #expect(config["User"] as? String == "65532:65532", "\(config)")
        let labels = try #require(config["Labels"] as? [String: String], "\(config)")
        for key in ["title", "description", "source", "version", "revision", "licenses"] {
            #expect(labels["org.opencontainers.image." + key]?.isEmpty == false, "\(key)")
        }
        #expect((config["Healthcheck"] as? [String: Any])?["Test"] as? [String] == ["NONE"])
        // The Dockerfile itself passes lint and check with nothing to report.
        let checked = try PlimsollBinary.run(["check", PlimsollBinary.repository.appendingPathComponent("image").path, "--no-shellcheck"])
        #expect(checked.status == 0 && checked.stdout.contains("No problems found"), "\(checked.stdout)")
    }
}
