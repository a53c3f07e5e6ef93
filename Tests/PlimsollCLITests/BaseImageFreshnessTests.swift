import Foundation
import ImageFixtures
import Testing

/// `lint --online` and `check --online` against a real registry on 127.0.0.1: a tag moved on from a
/// pinned digest, a series with a newer release, a repository that does not exist, a pin that is
/// current, and the fixes that pin and re-pin.
@Suite(.enabled(if: TestRegistry.available, "needs docker-registry, skopeo, openssl and htpasswd (apache2-utils); .ci/run installs them"))
struct BaseImageFreshnessTests {
    /// A registry holding shop/base: 1.0 first pushed as an image made in March, then moved to one made
    /// in November, which 1.1 and 1.2 also name; 2.0 is another series. Returns the two digests.
    static func registry() throws -> (TestRegistry, Scratch, old: String, new: String) {
        let registry = try TestRegistry()
        let scratch = try Scratch()
        let (old, new) = (Self.marchBase(), Self.novemberBase())
        var digests: [String] = []
        for (name, image) in [("old", old), ("new", new)] {
            let layout = scratch.url.appendingPathComponent(name).path
            digests.append(try image.writeOCILayout(to: URL(fileURLWithPath: layout), tag: "t"))
            for tag in name == "old" ? ["1.0"] : ["1.0", "1.1", "1.2", "2.0"] {
                try registry.push(layout, tag: "t", as: "shop/base:\(tag)")
            }
        }
        return (registry, scratch, digests[0], digests[1])
    }

    static func marchBase() -> FixtureImage {
        var image = RegistryTransportTests.image()
        image.created = "2026-03-02T10:00:00Z"
        return image
    }

    /// Every layer compressed, so skopeo pushes the manifest as it is and the digest stays.
    static func novemberBase() -> FixtureImage {
        var image = ImageCommandTests.leakyImage()
        for index in image.layers.indices { image.layers[index].compression = .gzip }
        image.created = "2026-11-20T08:00:00Z"
        return image
    }

    static func dockerfile(_ host: String, old: String, new: String) -> String {
        """
        FROM \(host)/shop/base:1.0@\(old) AS stale
        FROM \(host)/shop/base:1.2@\(new) AS current
        FROM \(host)/shop/base:1.1 AS behind
        FROM \(host)/shop/gone:3 AS gone
        FROM \(host)/shop/base:1.2
        COPY --from=stale / /a
        COPY --from=current / /b
        COPY --from=behind / /c
        COPY --from=gone / /d

        """
    }

    @Test func lintOnlineSaysHowFreshEachBaseIs() throws {
        let (registry, scratch, old, new) = try Self.registry()
        let path = try scratch.write("Dockerfile", Self.dockerfile(registry.host, old: old, new: new)).path
        let offline = try PlimsollBinary.run(["lint", path, "--format", "json", "--no-shellcheck"])
        #expect(!offline.stdout.contains("PD06") && !offline.stdout.contains("baseImages"), "\(offline.stdout)")

        let online = try PlimsollBinary.run(["lint", path, "--online", "--format", "json", "--no-shellcheck"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(online.stdout.utf8)) as? [String: Any], "\(online.stderr)")
        let findings = try #require(document["findings"] as? [[String: Any]])
        func fired(_ rule: String) -> [(line: Int, message: String)] {
            findings.filter { $0["rule"] as? String == rule }.map { finding in
                (finding["line"] as? Int ?? 0, finding["message"] as? String ?? "")
            }
        }
        let stale = fired("PD060")
        #expect(stale.map(\.line) == [1], "\(findings)")
        #expect(stale.first?.message.contains("created 2026-03-02, 263 days before the current one (2026-11-20)") == true, "\(stale)")
        #expect(stale.first?.message.contains(new) == true)
        // 1.0, stale or not, is also behind its series.
        #expect(fired("PD061").map(\.line) == [1, 3] && fired("PD061").allSatisfy { $0.message.contains("`1.2`") }, "\(findings)")
        #expect(fired("PD062").map(\.line) == [4] && fired("PD062").first?.message.contains("404") == true, "\(findings)")

        let states = try #require(document["baseImages"] as? [[String: Any]])
        var byName: [String: String] = [:]
        for state in states { byName[state["name"] as? String ?? ""] = state["state"] as? String }
        #expect(byName == [
            "\(registry.host)/shop/base:1.0@\(old)": "pinned-stale", "\(registry.host)/shop/base:1.2@\(new)": "pinned-current",
            "\(registry.host)/shop/base:1.1": "newer-release-available", "\(registry.host)/shop/gone:3": "unresolvable",
            "\(registry.host)/shop/base:1.2": "unpinned",
        ])

        let text = try PlimsollBinary.run(["lint", path, "--online", "--no-shellcheck", "--no-color"])
        #expect(text.stdout.contains("base images:\n") && text.stdout.contains("/shop/base:1.2@\(new): pinned-current"), "\(text.stdout)")
        let sarif = try PlimsollBinary.run(["lint", path, "--online", "--no-shellcheck", "--format", "sarif"])
        #expect(sarif.stdout.contains("\"baseImages\"") && sarif.stdout.contains("\"pinned-stale\""))
        let github = try PlimsollBinary.run(["lint", path, "--online", "--no-shellcheck", "--format", "github"])
        #expect(github.stdout.contains("::notice title=base image \(registry.host.replacingOccurrences(of: ":", with: "%3A"))/shop/base%3A1.1::") && github.stdout.contains("1.1: newer-release-available"),
                "\(github.stdout)")
        let junit = try PlimsollBinary.run(["lint", path, "--online", "--no-shellcheck", "--format", "junit"])
        #expect(junit.stdout.contains("<testsuite name=\"base images\" tests=\"5\"") && junit.stdout.contains(": unpinned"), "\(junit.stdout)")
    }

    @Test func fixesMoveAStalePinAndPinWhatIsUnpinned() throws {
        let (registry, scratch, old, new) = try Self.registry()
        let path = try scratch.write("Dockerfile", Self.dockerfile(registry.host, old: old, new: new)).path
        let config = try scratch.write("plimsoll.yaml", "enable: [base-image-digest]\n").path
        // The safe fix only pins (PD048); moving a stale pin changes the build, so it waits for --unsafe-fixes.
        let safe = try PlimsollBinary.run(["lint", path, "--online", "--fix", "--config", config, "--no-shellcheck"])
        #expect(safe.status == 1, "\(safe.stderr)")
        let pinned = try String(contentsOfFile: path, encoding: .utf8)
        #expect(pinned.contains("FROM \(registry.host)/shop/base:1.1@\(new) AS behind\n"), "\(pinned)")
        #expect(pinned.contains("FROM \(registry.host)/shop/base:1.2@\(new)\n"), "\(pinned)")
        #expect(pinned.contains("FROM \(registry.host)/shop/base:1.0@\(old) AS stale\n"))

        let unsafe = try PlimsollBinary.run(["lint", path, "--online", "--fix", "--unsafe-fixes", "--config", config, "--no-shellcheck"])
        #expect(unsafe.status == 1, "\(unsafe.stderr)")
        let moved = try String(contentsOfFile: path, encoding: .utf8)
        #expect(moved.contains("FROM \(registry.host)/shop/base:1.0@\(new) AS stale\n"), "\(moved)")
        #expect(!moved.contains(old))
    }

    /// An image built on shop/base:1.0 while 1.0 was the March image: current then, stale once the tag moved.
    @Test func aBuiltImageOnAnOlderBaseIsStale() throws {
        let registry = try TestRegistry()
        let scratch = try Scratch()
        let (old, new) = (Self.marchBase(), Self.novemberBase())
        var app = old
        var own = TarBuilder()
        own.file("app/server.js", Array("console.log('hi')\n".utf8))
        app.layers.append(.init(own, createdBy: "COPY server.js /app/ # buildkit"))
        var annotated = app
        annotated.annotations = ["org.opencontainers.image.base.name": "\(registry.host)/shop/base:1.0"]
        for (name, image) in [("old", old), ("new", new), ("app", app), ("annotated", annotated)] {
            try image.writeOCILayout(to: scratch.url.appendingPathComponent(name), tag: "t")
        }
        try registry.push(scratch.url.appendingPathComponent("old").path, tag: "t", as: "shop/base:1.0")
        let dockerfile = try scratch.write("Dockerfile", "FROM \(registry.host)/shop/base:1.0 AS base\nFROM base\nCOPY server.js /app/\n").path
        func state(_ layout: String, _ extra: [String]) throws -> [String: Any] {
            let outcome = try PlimsollBinary.run(["image", "oci:" + scratch.url.appendingPathComponent(layout).path + ":t", "--online",
                                                  "--format", "json"] + extra)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any], "\(outcome.stderr)")
            return try #require(document["imageBase"] as? [String: Any], "\(outcome.stdout.prefix(300))")
        }
        #expect(try state("app", ["--dockerfile", dockerfile])["state"] as? String == "pinned-current")
        #expect(try state("annotated", [])["state"] as? String == "pinned-current")

        try registry.push(scratch.url.appendingPathComponent("new").path, tag: "t", as: "shop/base:1.0")
        for (layout, extra) in [("app", ["--dockerfile", dockerfile]), ("annotated", [])] {
            let stale = try state(layout, extra)
            #expect(stale["state"] as? String == "pinned-stale" && (stale["reason"] as? String)?.contains("older base") == true, "\(stale)")
        }
        // A stale base is a finding (PI029), on the final stage's FROM when the Dockerfile is joined.
        let joined = try PlimsollBinary.run(["image", "oci:" + scratch.url.appendingPathComponent("app").path + ":t", "--online",
                                             "--dockerfile", dockerfile, "--no-color"])
        #expect(joined.stdout.contains("Dockerfile:2:1: warning[PI029] the image was built on an older `\(registry.host)/shop/base:1.0`"),
                "\(joined.stdout)")
        // Without --online nothing is asked.
        let offline = try PlimsollBinary.run(["image", "oci:" + scratch.url.appendingPathComponent("app").path + ":t", "--format", "json"])
        #expect(!offline.stdout.contains("imageBase"))
    }

    @Test func checkOnlineReadsTheDockerfilesBases() throws {
        let (registry, scratch, old, new) = try Self.registry()
        _ = try scratch.write("project/Dockerfile", Self.dockerfile(registry.host, old: old, new: new))
        let checked = try PlimsollBinary.run(["check", scratch.url.appendingPathComponent("project").path, "--online", "--format", "json",
                                              "--no-shellcheck"])
        #expect(checked.stdout.contains("\"PD060\"") && checked.stdout.contains("\"pinned-current\""), "\(checked.stdout.prefix(600))")
    }
}

/// The tag list, page by page, from a server that does what distribution cannot be made to do here.
@Suite struct TagListPagingTests {
    static let tags = ["1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "latest"]

    /// The newest 1.x the lint names: only right when every page was read.
    static func newest(_ behaviour: FakeRegistry.Behaviour) throws -> String {
        let registry = try FakeRegistry(image: RegistryTransportTests.image(), behaviour: behaviour)
        defer { registry.stop() }
        let scratch = try Scratch()
        let path = try scratch.write("Dockerfile", "FROM \(registry.host)/shop/api:1.0\n").path
        let outcome = try PlimsollBinary.run(["lint", path, "--online", "--format", "json", "--no-shellcheck"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any], "\(outcome.stderr)")
        let state = try #require((document["baseImages"] as? [[String: Any]])?.first)
        return state["newerTag"] as? String ?? "none: \(state)"
    }

    @Test func linkHeadersAreFollowedToTheLastPage() throws {
        var behaviour = FakeRegistry.Behaviour()
        behaviour.tags = Self.tags
        behaviour.tagPageSize = 3
        #expect(try Self.newest(behaviour) == "1.7")
    }

    @Test func aRegistryThatIgnoresNSendsOnePage() throws {
        var behaviour = FakeRegistry.Behaviour()
        behaviour.tags = Self.tags
        #expect(try Self.newest(behaviour) == "1.7")
    }

    @Test func aLinkThatLoopsEnds() throws {
        var behaviour = FakeRegistry.Behaviour()
        behaviour.tags = Self.tags
        behaviour.tagPageSize = 3
        behaviour.tagLinkLoops = true
        // Only the first page is ever served: its newest is what can be known.
        #expect(try Self.newest(behaviour) == "1.2")
    }
}

/// `--online`'s registry options are checked before any network call: one line, exit 2.
@Suite struct OnlineOptionBadInputTests {
    @Test(arguments: [["--registry-timeout", "0"], ["--registry-timeout", "soon"], ["--ca-cert", "/nonexistent/ca.pem"]])
    func badRegistryOptionsAreOneLine(_ options: [String]) throws {
        let scratch = try Scratch()
        let path = try scratch.write("Dockerfile", "FROM 127.0.0.1:9/app:1\n").path
        for command in ["lint", "check"] {
            let target = command == "lint" ? path : scratch.url.path
            let outcome = try PlimsollBinary.run([command, target, "--online", "--no-shellcheck"] + options)
            #expect(outcome.status == 2 && outcome.stderr.split(separator: "\n").count == 1 && outcome.stdout.isEmpty,
                    "\(command) \(options): \(outcome.status) \(outcome.stderr)")
        }
    }

    /// A registry that is not there makes the base unresolvable, with why; the lint still reports.
    @Test func anUnreachableRegistryIsUnresolvable() throws {
        let scratch = try Scratch()
        let path = try scratch.write("Dockerfile", "FROM 127.0.0.1:9/app:1\n").path
        let outcome = try PlimsollBinary.run(["lint", path, "--online", "--no-shellcheck", "--registry-timeout", "2", "--format", "json"])
        #expect(outcome.status != 2 && outcome.stdout.contains("\"unresolvable\"") && outcome.stdout.contains("PD062"), "\(outcome.stdout)\(outcome.stderr)")
    }
}
