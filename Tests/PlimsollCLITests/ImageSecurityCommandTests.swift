import Foundation
import ImageFixtures
import Testing

/// The planted problems of make-images.sh's bad image, in a fixture: every one is reported, and no
/// secret value appears in any output format.
@Suite struct ImageSecurityCommandTests {
    static let awsKeyID = "AKIAQWERTYUIOPASDFGH"
    static let awsSecret = "wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEYzz"
    static let databasePassword = "hunter2-planted-secret"
    static let githubToken = "ghp_" + String(repeating: "Zq9", count: 12)
    static let privateKeyBody = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ"

    static func plantedImage() -> FixtureImage {
        var base = TarBuilder()
        base.file("etc/os-release", Array("PRETTY_NAME=\"Debian GNU/Linux 12\"\nID=debian\nVERSION_ID=\"12\"\n".utf8))
        base.file("etc/passwd", Array("root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534::/nonexistent:/usr/sbin/nologin\n".utf8))
        base.file("etc/shadow", Array("root:*:19000:0:99999:7:::\nnobody:*:19000:0:99999:7:::\n".utf8))
        base.file("usr/bin/find", size: 2000)
        base.file("bin/sh", size: 1000)
        base.file("etc/locked.conf", Array("owner-only\n".utf8), mode: 0)
        var install = TarBuilder()
        install.file("usr/bin/curl", size: 3000)
        install.file("var/lib/apt/lists/deb_Packages", size: 2_000_000)
        var cleanup = TarBuilder()
        cleanup.whiteout("var/lib/apt/lists/deb_Packages")
        var secrets = TarBuilder()
        secrets.file("app/.ssh/id_rsa", Array("-----BEGIN OPENSSH PRIVATE KEY-----\n\(privateKeyBody)\n-----END OPENSSH PRIVATE KEY-----\n".utf8), mode: 0o600)
        secrets.file("app/.env", Array("AWS_ACCESS_KEY_ID=\(awsKeyID)\nAWS_SECRET_ACCESS_KEY=\(awsSecret)\n".utf8))
        secrets.file("app/deploy/settings.yaml", Array("github_token: \(githubToken)\n".utf8))
        var source = TarBuilder()
        source.file("app/.git/HEAD", Array("ref: refs/heads/main\n".utf8))
        source.file("app/.git/config", Array("[core]\n".utf8))
        source.file("app/run.sh", Array("#!/bin/sh\n".utf8), mode: 0o755)
        source.file("app/blob.json", [0, 0] + Array(String(repeating: "AKIAQWERTYUIOPASDFGH ", count: 20_000).utf8))
        var setuid = TarBuilder()
        setuid.file("usr/bin/find", [UInt8](repeating: 1, count: 2000), mode: 0o4755)
        setuid.whiteout("app/deploy/settings.yaml")
        var image = FixtureImage(layers: [
            .init(base, createdBy: "/bin/sh -c #(nop) ADD file:rootfs in / "),
            .init(install, createdBy: "RUN /bin/sh -c apt-get update && apt-get install -y curl # buildkit"),
            .init(cleanup, compression: .none, createdBy: "RUN /bin/sh -c rm -rf /var/lib/apt/lists/* # buildkit"),
            .init(secrets, createdBy: "COPY .ssh/id_rsa .env deploy /app/ # buildkit"),
            .init(source, compression: .zstd, createdBy: "COPY . /app # buildkit"),
            .init(setuid, createdBy: "RUN |1 GITHUB_TOKEN=\(githubToken) /bin/sh -c chmod u+s /usr/bin/find && rm /app/deploy/settings.yaml # buildkit"),
        ])
        image.environment = ["PATH=/usr/bin:/bin", "DB_PASSWORD=\(databasePassword)"]
        image.exposedPorts = ["22/tcp"]
        image.emptyHistory = ["ENV DB_PASSWORD=\(databasePassword)", "EXPOSE map[22/tcp:{}]", "CMD [\"bash\"]"]
        return image
    }

    static let dockerfile = """
        FROM debian:bookworm
        RUN apt-get update && apt-get install -y curl
        RUN rm -rf /var/lib/apt/lists/*
        COPY .ssh/id_rsa .env deploy /app/
        COPY . /app
        RUN chmod u+s /usr/bin/find && rm /app/deploy/settings.yaml
        ENV DB_PASSWORD=\(databasePassword)
        EXPOSE 22
        CMD ["bash"]
        """

    @Test func everyPlantedProblemIsReportedWhereItWasMade() throws {
        let scratch = try Scratch()
        try Data(Self.plantedImage().dockerArchive()).write(to: scratch.url.appendingPathComponent("bad.tar"))
        try scratch.write("Dockerfile", Self.dockerfile)
        let outcome = try PlimsollBinary.run(["image", "bad.tar", "--dockerfile", "Dockerfile", "--format", "json"], in: scratch.url)
        #expect(outcome.status == 1, "\(outcome.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let findings = try #require(document["findings"] as? [[String: Any]])
        func finding(_ rule: String, path: String? = nil) -> [String: Any]? {
            findings.first { $0["rule"] as? String == rule && (path == nil || $0["path"] as? String == path) }
        }
        #expect(finding("PI011")?["line"] as? Int == 1, "root, on the FROM line: no USER")
        #expect(finding("PI021", path: "/app/.ssh/id_rsa")?["line"] as? Int == 4)
        #expect(finding("PI021", path: "/app/.env")?["layer"] as? Int == 3)
        #expect(finding("PI023", path: "/app/.git")?["line"] as? Int == 5)
        #expect(finding("PI024", path: "/usr/bin/find")?["line"] as? Int == 6)
        let environment = findings.first { $0["rule"] as? String == "PI014" && ($0["message"] as? String)?.contains("environment") == true }
        #expect(environment?["line"] as? Int == 7, "DB_PASSWORD in Env, on the ENV line")
        #expect(finding("PI012")?["line"] as? Int == 8)
        #expect(finding("PI001")?["line"] as? Int == 2, "the apt lists written by line 2 and deleted by line 3")
        #expect(finding("PI022", path: "/app/deploy/settings.yaml")?["layer"] as? Int == 3, "deleted in layer 5, still in layer 3")
        let buildArgument = findings.first { $0["rule"] as? String == "PI014" && ($0["message"] as? String)?.contains("GITHUB_TOKEN") == true }
        #expect(buildArgument?["line"] as? Int == 6, "the build argument recorded in the RUN's history")
        #expect(finding("PI021", path: "/app/blob.json") == nil, "a binary file full of AKIA is not a credential")
    }

    @Test func noSecretValueAppearsInAnyFormat() throws {
        let scratch = try Scratch()
        try Data(Self.plantedImage().dockerArchive()).write(to: scratch.url.appendingPathComponent("bad.tar"))
        try scratch.write("Dockerfile", Self.dockerfile)
        for format in ["text", "json", "sarif", "github", "checkstyle", "junit", "codeclimate"] {
            let outcome = try PlimsollBinary.run(["image", "bad.tar", "--dockerfile", "Dockerfile", "--format", format], in: scratch.url)
            #expect(outcome.status == 1)
            for secret in [Self.awsKeyID, Self.awsSecret, Self.databasePassword, Self.githubToken, Self.privateKeyBody] {
                #expect(!outcome.stdout.contains(secret), "\(format) shows \(secret.prefix(6))…")
            }
        }
    }

    @Test func aCleanImageHasNoSecurityFindingsBeyondTheInformational() throws {
        var base = TarBuilder()
        base.file("etc/os-release", Array("ID=debian\n".utf8))
        base.file("etc/passwd", Array("root:x:0:0:root:/root:/bin/bash\napp:x:10001:10001::/app:/bin/sh\n".utf8))
        base.directory("tmp")
        var app = TarBuilder()
        app.file("app/server", size: 5000)
        app.file("app/config.yaml", Array("listen: 8080\n".utf8))
        var image = FixtureImage(layers: [.init(base, createdBy: "ADD file:rootfs in /"), .init(app, createdBy: "COPY app /app # buildkit")])
        image.user = "10001"
        let scratch = try Scratch()
        try Data(image.dockerArchive()).write(to: scratch.url.appendingPathComponent("clean.tar"))
        let outcome = try PlimsollBinary.run(["image", "clean.tar", "--format", "json", "--fail-on", "warning"], in: scratch.url)
        #expect(outcome.status == 0, "\(outcome.stdout)")
    }
}
