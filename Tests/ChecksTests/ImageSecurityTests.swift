import Checks
import ContainerImage
import Testing

@Suite struct ImageSecurityTests {
    @Test(arguments: [
        ("RUN |2 PASSWORD=hunter2-not-real MODE=fast /bin/sh -c make # buildkit",
         "RUN |2 PASSWORD=<redacted: hunt… (16 characters)> MODE=fast /bin/sh -c make # buildkit"),
        ("ENV API_TOKEN=abc123secret", "ENV API_TOKEN=<redacted: abc1… (12 characters)>"),
        ("/bin/sh -c curl -H 'x: ghp_abcdefghijklmnopqrstuvwxyz0123456789' https://example.com",
         "/bin/sh -c curl -H 'x: <redacted: ghp_… (40 characters)>' https://example.com"),
        ("RUN /bin/sh -c apt-get update # buildkit", "RUN /bin/sh -c apt-get update # buildkit"),
        ("ENV DB_PASSWORD_FILE=/run/secrets/db", "ENV DB_PASSWORD_FILE=/run/secrets/db"),
    ])
    func historyCommandsAreRedacted(_ createdBy: String, _ expected: String) throws {
        let run = try ImageExampleRun("== layer: \(createdBy) ==\nusr/bin/app (1 bytes)\n")
        #expect(run.report.history.entries.first?.createdBy == expected)
        #expect(run.report.origins.first?.createdBy == expected)
    }

    @Test func contentIsReadOnlyForCandidates() {
        var config = ImageConfiguration(history: [])
        config.config = .init(environment: ["PATH=/usr/local/bin:/app/bin"], entrypoint: ["server", "--port", "80"])
        let selection = ImageContentSelection(configuration: config)
        #expect(selection.programPaths == ["usr/local/bin/server", "app/bin/server"])
        let wanted: [(String, Int64, Bool)] = [
            ("etc/passwd", 50 << 20, true), ("etc/os-release", 300, true), ("app/bin/server", 9_000_000, true),
            ("app/.env", 100, true), ("root/.ssh/id_ed25519", 400, true), ("app/config/settings.yaml", 2000, true),
            ("etc/app/app.conf", 2000, true), ("app/config/huge.json", 5 << 20, false), ("usr/share/doc/x/README.txt", 100, false),
            ("app/node_modules/x/package.json", 100, false), ("app/tests/fixtures/key.pem", 100, false),
            ("usr/lib/python3/dist-packages/x/config.json", 100, false), ("app/main.js", 100, false), ("usr/bin/ls", 100, false),
        ]
        for (path, size, expected) in wanted {
            #expect((selection.bytesWanted(path: path, size: size) > 0) == expected, "\(path)")
        }
        #expect(selection.bytesWanted(path: "etc/passwd", size: 50 << 20) == 1 << 20, "a 50 MB passwd is read for 1 MiB only")
    }

    @Test func releasesAreDetectedFromTheirFiles() {
        let files: [String: String] = ["etc/os-release": "NAME=\"Rocky Linux\"\nID=\"rocky\"\nID_LIKE=\"rhel centos fedora\"\nVERSION_ID=\"9.3\"\n"]
        let rocky = OSRelease.detect { files[$0].map { Array($0.utf8) } }
        #expect(rocky == OSRelease(id: "rocky", versionID: "9.3", like: ["rhel", "centos", "fedora"]))
        #expect(rocky?.isLike("rhel") == true)
        #expect(OSRelease.detect { $0 == "etc/alpine-release" ? Array("3.20.1\n".utf8) : nil } == OSRelease(id: "alpine", versionID: "3.20.1"))
        #expect(OSRelease.detect { $0 == "etc/redhat-release" ? Array("CentOS Linux release 7.9.2009 (Core)".utf8) : nil }?.id == "centos")
        #expect(OSRelease.detect { _ in nil } == nil)
    }

    @Test func theRootUserMessageFitsTheDistribution() throws {
        let cases = [("ID=alpine", "adduser -D"), ("ID=ubuntu\nID_LIKE=debian", "useradd --create-home"), ("ID=fedora", "useradd --uid"), ("", "USER 65532")]
        for (release, expected) in cases {
            // With a shell: useradd needs one to run in.
            let content = release.isEmpty ? "usr/bin/app (1 bytes)" : "etc/os-release = \(release.replacingOccurrences(of: "\n", with: "\\n"))\nbin/sh (1 bytes)"
            let run = try ImageExampleRun("== layer: ADD file:rootfs in / ==\n\(content)\n")
            let root = try #require(run.report.findings.first { $0.rule.id == "PI011" })
            #expect(root.message.contains(expected), "\(release): \(root.message)")
        }
    }

    @Test func setIDAndWorldWritableListsAreBounded() throws {
        var lines = ["== layer: RUN /bin/sh -c chmod -R u+s,o+w /opt # buildkit =="]
        for index in 0..<100_000 { lines.append("opt/tool\(index) (1 bytes, mode 4777)") }
        let run = try ImageExampleRun(lines.joined(separator: "\n"))
        for rule in ["PI024", "PI025"] {
            let findings = run.report.findings.filter { $0.rule.id == rule }
            #expect(findings.count == 51, "\(rule)")
            #expect(findings.contains { $0.message == "and 99950 more paths like these" })
        }
    }

    @Test func onlyStaticEntrypointsCountAndTruncatedHeadersAreUnknown() throws {
        let text = """
            == config ==
            Entrypoint: server
            Env: PATH=/app
            == layer: ADD file:rootfs in / ==
            bin/sh (100 bytes)
            app/server = \\u{7F}ELF
            """
        let run = try ImageExampleRun(text)
        #expect(!run.report.findings.contains { $0.rule.id == "PI028" })
    }

    @Test func aSecretDeletedLaterIsReportedOnTheLayerThatHoldsIt() throws {
        let text = """
            == Dockerfile ==
            FROM debian:12
            COPY deploy.pem /tmp/deploy.pem
            RUN rm /tmp/deploy.pem
            == layer: ADD file:rootfs in / ==
            etc/os-release = ID=debian
            == layer: COPY deploy.pem /tmp/deploy.pem # buildkit ==
            tmp/deploy.pem = -----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n-----END PRIVATE KEY-----
            == layer: RUN /bin/sh -c rm /tmp/deploy.pem # buildkit ==
            tmp/.wh.deploy.pem
            """
        let run = try ImageExampleRun(text)
        let deleted = try #require(run.report.findings.first { $0.rule.id == "PI022" })
        #expect(deleted.layer == 1 && deleted.path == "/tmp/deploy.pem" && deleted.range.start.line == 2 && deleted.severity == .error,
                "\(deleted.layer ?? -1) \(deleted.path ?? "") \(deleted.range.start.line) \(run.report.origins.map { $0.instruction?.startLine ?? 0 })")
        #expect(!run.report.findings.contains { $0.rule.id == "PI021" })
    }
}

@Suite struct ImageSecurityConfigurationTests {
    @Test func sensitiveFilesAndAllowedPathsComeFromTheConfiguration() throws {
        let configuration = try ConfigurationLoader.load(yaml: """
            sensitive-files: ["*.p12", "config/master.key"]
            allow-paths: ["app/tests/**", "opt/vendor"]
            """, path: ".plimsoll.yaml")
        let text = """
            == config ==
            User: 10001
            == layer: COPY . / # buildkit ==
            app/certs/client.p12 = binary-ish
            config/master.key = 0123456789abcdef
            app/tests/keys/id_rsa = -----BEGIN RSA PRIVATE KEY-----\\nMIIEowIBAAKCAQEA\\n-----END RSA PRIVATE KEY-----
            opt/vendor/lib/.env = TOKEN=x
            app/.env = TOKEN=x
            """
        let run = try ImageExampleRun(text, configuration: configuration)
        let paths = Set(run.report.findings.filter { $0.rule.id == "PI021" }.compactMap(\.path))
        #expect(paths == ["/app/certs/client.p12", "/config/master.key", "/app/.env"])
    }

    @Test func aMalformedPatternIsAConfigurationError() {
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader.load(yaml: "allow-paths: [\"app/[\"]\n", path: "c.yaml") }
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader.load(yaml: "sensitive-files: 3\n", path: "c.yaml") }
    }

    @Test func theSelectionReadsConfiguredSensitiveFiles() throws {
        let settings = try ConfigurationLoader.load(yaml: "sensitive-files: [\"*.p12\"]\n", path: "c.yaml")
        let selection = ImageContentSelection(configuration: nil, settings: settings)
        #expect(selection.bytesWanted(path: "srv/certs/client.p12", size: 3000) > 0)
        #expect(ImageContentSelection(configuration: nil).bytesWanted(path: "srv/certs/client.p12", size: 3000) == 0)
    }
}
