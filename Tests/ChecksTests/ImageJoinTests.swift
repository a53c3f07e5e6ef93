import Checks
import ContainerImage
import Testing

/// Layers are matched to the Dockerfile lines that made them, whichever builder wrote the history.
@Suite struct ImageJoinTests {
    @Test(arguments: [
        ("RUN /bin/sh -c apt-get update && apt-get install -y curl # buildkit", "RUN", "apt-get update && apt-get install -y curl"),
        ("/bin/sh -c apt-get update", "RUN", "apt-get update"),
        ("|2 TOKEN=abc MODE=x /bin/sh -c make build", "RUN", "make build"),
        ("RUN |1 TOKEN=abc /bin/sh -c make # buildkit", "RUN", "make"),
        ("/bin/sh -c #(nop) COPY file:8a1b in /app ", "COPY", "file:8a1b in /app"),
        ("/bin/sh -c #(nop)  CMD [\"bash\"]", "CMD", "[\"bash\"]"),
        ("COPY . /app # buildkit", "COPY", ". /app"),
        ("WORKDIR /app", "WORKDIR", "/app"),
    ])
    func historyCommandsAreNormalised(_ createdBy: String, _ keyword: String, _ text: String) {
        #expect(HistoryCommand(createdBy: createdBy) == HistoryCommand(keyword: keyword, text: text))
    }

    let example = """
        == Dockerfile ==
        FROM debian:12
        # plimsoll ignore=PI002
        RUN apt-get update \\
            && apt-get install -y curl
        RUN rm -rf /var/lib/apt/lists/* && cp /usr/bin/curl /usr/bin/curl2 && cp /usr/bin/curl /usr/bin/curl
        COPY app /srv/app
        CMD ["/srv/app/run"]
        == layer: /bin/sh -c #(nop) ADD file:rootfs in / ==
        usr/bin/env (20000 bytes)
        == layer: RUN /bin/sh -c apt-get update     && apt-get install -y curl # buildkit ==
        usr/bin/curl (2000000 bytes)
        var/lib/apt/lists/deb_Packages (3000000 bytes)
        == layer: RUN /bin/sh -c rm -rf /var/lib/apt/lists/* && cp /usr/bin/curl /usr/bin/curl2 && cp /usr/bin/curl /usr/bin/curl # buildkit ==
        var/lib/apt/lists/.wh.deb_Packages
        usr/bin/curl (2000000 bytes)
        == layer: COPY app /srv/app # buildkit ==
        srv/app/run (100 bytes)
        """

    @Test func findingsLandOnTheLineThatMadeTheLayerAndPragmasApply() throws {
        let run = try ImageExampleRun(example)
        #expect(run.report.origins.map(\.fromBaseImage) == [true, false, false, false])
        #expect(run.report.origins.map { $0.instruction?.startLine } == [nil, 3, 5, 6])
        let removed = try #require(run.report.findings.first { $0.rule.id == "PI001" })
        #expect(removed.file == "Dockerfile" && removed.range.start.line == 3 && removed.layer == 1)
        #expect(removed.path == "/var/lib/apt/lists/deb_Packages")
        #expect(removed.message.contains("2.9 MiB") && removed.message.contains("layer 2"))
        #expect(!run.report.findings.contains { $0.rule.id == "PI002" }, "the pragma on line 2 suppresses it")
        let efficiency = try #require(run.report.findings.first { $0.rule.id == "PI005" })
        #expect(efficiency.file == "example" && !efficiency.hasSourceLine)
    }

    @Test func withoutADockerfileFindingsNameTheImageAndLayer() throws {
        let text = example.split(separator: "\n").drop { !$0.hasPrefix("== layer") }.joined(separator: "\n")
        let run = try ImageExampleRun(text)
        let removed = try #require(run.report.findings.first { $0.rule.id == "PI001" })
        #expect(removed.file == "example" && !removed.hasSourceLine && removed.layer == 1)
        #expect(run.report.origins.allSatisfy { !$0.fromBaseImage && $0.instruction == nil })
    }

    @Test func theBiggestWinsComeFirst() throws {
        let run = try ImageExampleRun(example)
        #expect(run.report.wins.map(\.bytes) == [3_000_000, 2_000_000])
        #expect(run.report.wins.first?.layer == 1)
    }
}
