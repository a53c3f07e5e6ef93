import Foundation
import ImageFixtures
import Testing

@Suite struct CommandLineTests {
    let flawed = "FROM node\nRUN apt-get update && apt-get install -y curl\nCOPY . .\n"
    let clean = "FROM node:22-slim\nUSER node\nCOPY app.js /app/\n"

    @Test func exitStatusFollowsFailOn() throws {
        let scratch = try Scratch()
        let file = try scratch.write("Dockerfile", flawed).path
        #expect(try PlimsollBinary.run(["lint", file]).status == 1)
        #expect(try PlimsollBinary.run(["lint", "--fail-on", "error", file]).status == 0)
        #expect(try PlimsollBinary.run(["lint", "--fail-on", "never", file]).status == 0)
        #expect(try PlimsollBinary.run(["lint", "--fail-on", "info", try scratch.write("ok/Dockerfile", clean).path]).status == 0)
    }

    @Test func defaultFileIsDockerfileInTheWorkingDirectory() throws {
        let scratch = try Scratch()
        try scratch.write("Dockerfile", flawed)
        let outcome = try PlimsollBinary.run(["lint", "--no-color"], in: scratch.url)
        #expect(outcome.stdout.contains("Dockerfile:2:1: warning[PD002]"))
        #expect(outcome.stdout.hasSuffix("in 1 file.\n"))
        #expect(!outcome.stdout.contains("\u{1B}["))
    }

    @Test func severalFilesAndStandardInputInOneProcess() throws {
        let scratch = try Scratch()
        let first = try scratch.write("a/Dockerfile", flawed).path
        let second = try scratch.write("b/Dockerfile", clean).path
        let outcome = try PlimsollBinary.run(["lint", "--format", "json", first, "-", second], stdin: Data(flawed.utf8))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let files = Set((document["findings"] as? [[String: Any]] ?? []).compactMap { $0["file"] as? String })
        #expect(files == [first, "-"])
    }

    @Test func everyFormatRuns() throws {
        let scratch = try Scratch()
        let file = try scratch.write("Dockerfile", flawed).path
        let json = try PlimsollBinary.run(["lint", "-f", "json", file])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let rules = Set(try #require(document["findings"] as? [[String: Any]]).compactMap { $0["rule"] as? String })
        #expect(rules.count >= 3)
        for format in ["text", "sarif", "github", "checkstyle", "junit", "codeclimate"] {
            let outcome = try PlimsollBinary.run(["lint", "-f", format, file])
            #expect(outcome.status == 1 && outcome.stderr.isEmpty, "\(format)")
            // Every format carries every finding: each rule id, and the file they are in.
            #expect(rules.allSatisfy { outcome.stdout.contains($0) } && outcome.stdout.contains("Dockerfile"), "\(format) lost findings: \(outcome.stdout)")
        }
    }

    @Test func checkFindsEveryDockerfileAndSkipsDependencies() throws {
        let scratch = try Scratch()
        for path in ["Dockerfile", "services/api.Dockerfile", "Dockerfile.dev", "node_modules/pkg/Dockerfile", ".git/Dockerfile", "README.md"] {
            try scratch.write(path, flawed)
        }
        let outcome = try PlimsollBinary.run(["check", scratch.url.path, "--format", "checkstyle"])
        #expect(outcome.status == 1)
        let names = outcome.stdout.split(separator: "\n").filter { $0.contains("<file name=") }
        #expect(names.count == 3, "\(names)")
        #expect(!outcome.stdout.contains("node_modules") && !outcome.stdout.contains(".git/"))
    }

    @Test func configurationIsFoundUpwardAndOptionsApply() throws {
        let scratch = try Scratch()
        try scratch.write(".plimsoll.yaml", "ignore: [PD002]\nfail-on: error\n")
        try scratch.write("service/Dockerfile", flawed)
        let outcome = try PlimsollBinary.run(["lint", "Dockerfile"], in: scratch.url.appendingPathComponent("service"))
        #expect(outcome.status == 0)
        #expect(!outcome.stdout.contains("PD002") && outcome.stdout.contains("PD006"))
        let explicit = try scratch.write("strict.yaml", "override:\n  error: [PD005]\n")
        let strict = try PlimsollBinary.run(["lint", "--config", explicit.path, "--fail-on", "error", "Dockerfile"],
                                            in: scratch.url.appendingPathComponent("service"))
        #expect(strict.status == 1 && strict.stdout.contains("error[PD005]"))
    }

    @Test func buildArgAndTarget() throws {
        let scratch = try Scratch()
        let file = try scratch.write("Dockerfile", "ARG TAG=latest\nFROM node:${TAG} AS app\nUSER node\nFROM app AS debug\nUSER root\n").path
        #expect(try PlimsollBinary.run(["lint", file]).status == 1)
        #expect(try PlimsollBinary.run(["lint", "--build-arg", "TAG=22-slim", "--target", "app", file]).status == 0)
        let fromEnvironment = try PlimsollBinary.run(["lint", "--build-arg", "TAG", "--target", "app", file], environment: ["TAG": "22"])
        #expect(fromEnvironment.status == 0)
    }

    @Test func rulesCommand() throws {
        let table = try PlimsollBinary.run(["rules"])
        #expect(table.status == 0 && table.stdout.contains("PD002  apt-lists-not-removed"))
        let detail = try PlimsollBinary.run(["rules", "DL3009"])
        #expect(detail.stdout.hasPrefix("PD002 apt-lists-not-removed (warning)") && detail.stdout.contains("Triggers on:"))
        let json = try PlimsollBinary.run(["rules", "--format", "json"])
        #expect(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) is [String: Any])
        #expect(try PlimsollBinary.run(["rules", "PD999"]).status == 2)
    }

    @Test func versionAndHelp() throws {
        let version = try PlimsollBinary.run(["--version"])
        // The version and the commit the binary was built from (the repository's HEAD here).
        let commit = try ExternalTool.run(["git", "-C", PlimsollBinary.repository.path, "rev-parse", "--short=12", "HEAD"]).text
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(version.status == 0 && version.stdout == "0.1.0 (commit \(commit.isEmpty ? "unknown" : commit))\n", "\(version.stdout)")
        let help = try PlimsollBinary.run(["lint", "--help"])
        #expect(help.status == 0 && help.stdout.contains("--fail-on") && help.stdout.contains("--no-shellcheck"))
        // Options a command would ignore are not offered: image and context lint no RUN scripts.
        for command in ["image", "context"] {
            #expect(try !PlimsollBinary.run([command, "--help"]).stdout.contains("--shellcheck"), "\(command)")
            #expect(try PlimsollBinary.run([command, ".", "--no-shellcheck"]).status == 2, "\(command)")
        }
        let scan = try PlimsollBinary.run(["scan", "--help"]).stdout
        #expect(scan.components(separatedBy: "efault: high").count == 2, "one default, said once: \(scan)")
    }
}

@Suite struct FixCommandTests {
    let original = "FROM debian:13-slim\nUSER app\nRUN apt-get update && apt-get install -y curl\n"
    /// The update alone in its RUN, the install in the next: removing the lists from the first would break the second.
    let split = "FROM debian:13-slim\nUSER app\nRUN apt-get update\nRUN apt-get install -y curl\n"

    @Test func diffShowsSafeFixesAndChangesNothing() throws {
        let scratch = try Scratch()
        let file = try scratch.write("Dockerfile", original)
        let outcome = try PlimsollBinary.run(["lint", "--diff", file.path])
        // Pending fixes fail the run, as `ruff --diff` does, so the diff can gate CI; none pending, 0.
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("-RUN apt-get update && apt-get install -y curl\n+RUN apt-get update && apt-get install -y curl \\\n+    && rm -rf /var/lib/apt/lists/*\n"),
                "\(outcome.stdout)")
        #expect(!outcome.stdout.contains("--no-install-recommends"), "unsafe fixes need --unsafe-fixes")
        #expect(try String(contentsOf: file, encoding: .utf8) == original)
        let clean = try scratch.write("Clean.Dockerfile", "FROM scratch\nCOPY app /app\nUSER 10001\nENTRYPOINT [\"/app\"]\n")
        let nothing = try PlimsollBinary.run(["lint", "--diff", clean.path])
        #expect(nothing.status == 0 && nothing.stdout.isEmpty, "\(nothing.stdout)")
    }

    /// `context` and `check` of the working directory name its Dockerfile alike, without `./`.
    @Test func pathsPrintTheSameInContextAndCheck() throws {
        let example = PlimsollBinary.repository.appendingPathComponent("examples/node-api")
        for command in ["context", "check"] {
            let outcome = try PlimsollBinary.run([command, "--no-color"], in: example)
            #expect(outcome.stdout.contains("\nDockerfile:13:1: warning[PC001]") && !outcome.stdout.contains("./Dockerfile"), "\(command): \(outcome.stdout)")
        }
    }

    /// A finding about a context file names the file, without a line it does not have or a `./`.
    @Test func contextFileFindingsHaveNoInventedLine() throws {
        let scratch = try Scratch()
        try scratch.write(".git/HEAD", "ref: refs/heads/main\n")
        let outcome = try PlimsollBinary.run(["context", "--no-color"], in: scratch.url)
        #expect(outcome.stdout.contains("\n.git: warning[PC004]") || outcome.stdout.hasPrefix(".git: warning[PC004]"), "\(outcome.stdout)")
        #expect(!outcome.stdout.contains(":1:1") && !outcome.stdout.contains("./"), "\(outcome.stdout)")
    }

    @Test func checkOfADirectoryWithoutDockerfilesFails() throws {
        let scratch = try Scratch()
        try scratch.write("README.md", "no Dockerfile here\n")
        let outcome = try PlimsollBinary.run(["check", scratch.url.path])
        #expect(outcome.status == 2 && outcome.stderr.split(separator: "\n").count == 1 && outcome.stderr.contains("no Dockerfile found"),
                "\(outcome.status) \(outcome.stderr)")
    }

    @Test func fixWritesSafeFixesAndReportsTheRest() throws {
        let scratch = try Scratch()
        let file = try scratch.write("Dockerfile", original)
        let outcome = try PlimsollBinary.run(["lint", "--fix", file.path])
        let fixed = try String(contentsOf: file, encoding: .utf8)
        #expect(fixed.contains("RUN apt-get update && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\n"), "\(fixed)")
        #expect(!outcome.stdout.contains("PD002") && outcome.stdout.contains("PD014"))
        let unsafe = try PlimsollBinary.run(["lint", "--fix", "--unsafe-fixes", file.path])
        #expect(try String(contentsOf: file, encoding: .utf8).contains("apt-get install --no-install-recommends -y curl"))
        #expect(!unsafe.stdout.contains("PD014"))
    }

    @Test func aSafeFixNeverBreaksTheNextRun() throws {
        let scratch = try Scratch()
        let file = try scratch.write("Dockerfile", split)
        let safe = try PlimsollBinary.run(["lint", "--fix", file.path])
        #expect(try String(contentsOf: file, encoding: .utf8) == split, "the update-only RUN must keep its lists for the next RUN")
        #expect(safe.stdout.contains("PD002") && safe.stdout.contains("PD001"))
        // Joining the RUNs (unsafe) is the fix; the removal then lands after the install.
        let unsafe = try PlimsollBinary.run(["lint", "--fix", "--unsafe-fixes", file.path])
        let joined = try String(contentsOf: file, encoding: .utf8)
        #expect(joined.contains("&& apt-get install --no-install-recommends -y curl \\\n    && rm -rf /var/lib/apt/lists/*\n"), "\(joined)")
        #expect(!unsafe.stdout.contains("PD001") && !unsafe.stdout.contains("PD002") && !unsafe.stdout.contains("PD014"))
    }
}

@Suite struct ShellCheckTests {
    static let shellcheck = ["/usr/bin/shellcheck", "/usr/local/bin/shellcheck"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: shellcheck != nil, "shellcheck is not installed (apt-get install shellcheck)"))
    func runScriptsAreCheckedOnTheirOwnLines() throws {
        let shellcheck = try #require(Self.shellcheck)
        let scratch = try Scratch()
        let file = try scratch.write("Dockerfile", """
            FROM debian:13-slim
            ARG version=1
            USER app
            RUN for f in $(ls /tmp); do \\
                  # a comment BuildKit drops
                  echo "$f" "$version" "$missing"; \\
                done
            # hadolint ignore=SC2016
            RUN echo '$HOME'
            """).path
        let outcome = try PlimsollBinary.run(["lint", "--shellcheck", shellcheck, "--format", "json", file])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let findings = (document["findings"] as? [[String: Any]] ?? []).compactMap { finding -> String? in
            guard let rule = finding["rule"] as? String, rule.hasPrefix("SC") else { return nil }
            return "\(rule)@\(finding["line"] ?? 0):\(finding["column"] ?? 0)"
        }
        #expect(findings == ["SC2045@4:14", "SC2154@6:29"], "\(findings)")
    }

    @Test func badShellcheckPathIsAnError() throws {
        let outcome = try PlimsollBinary.run(["lint", "--shellcheck", "/nonexistent/shellcheck", "Dockerfile"])
        #expect(outcome.status == 2 && outcome.stderr.contains("--shellcheck /nonexistent/shellcheck is not an executable file"))
    }

    /// ShellCheck on PATH runs by itself; the flag and the configuration turn it off or pick another.
    @Test func shellcheckOnPathRunsUnlessTurnedOff() throws {
        let scratch = try Scratch()
        let fake = try scratch.write("bin/shellcheck", "#!/bin/sh\nfor f in \"$@\"; do case \"$f\" in *.sh) echo \"$f:4:1: warning: planted [SC9999]\";; esac; done\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        try scratch.write("Dockerfile", "FROM debian:13-slim\nUSER app\nRUN true\n")
        let path = ["PATH": scratch.url.appendingPathComponent("bin").path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "")]
        func lint(_ arguments: [String]) throws -> PlimsollBinary.Outcome {
            try PlimsollBinary.run(["lint", "--fail-on", "never"] + arguments + ["Dockerfile"], in: scratch.url, environment: path)
        }
        #expect(try lint([]).stdout.contains(":3:5: warning[SC9999] planted"))
        // Answers are cached under PLIMSOLL_CACHE_DIR, unless --no-cache.
        let cacheDirectory = scratch.url.appendingPathComponent("cache")
        let cached = path.merging(["PLIMSOLL_CACHE_DIR": cacheDirectory.path]) { $1 }
        #expect(try PlimsollBinary.run(["lint", "--no-cache", "Dockerfile"], in: scratch.url, environment: cached).stdout.contains("SC9999"))
        #expect(!FileManager.default.fileExists(atPath: cacheDirectory.path))
        #expect(try PlimsollBinary.run(["lint", "Dockerfile"], in: scratch.url, environment: cached).stdout.contains("SC9999"))
        #expect((FileManager.default.enumerator(atPath: cacheDirectory.path)?.allObjects.count ?? 0) == 3, "shellcheck/<2 hex>/<key>")
        #expect(try !lint(["--no-shellcheck"]).stdout.contains("SC9999"))
        try scratch.write("off.yaml", "shellcheck: false\n")
        #expect(try !lint(["--config", "off.yaml"]).stdout.contains("SC9999"))
        try scratch.write("fake.yaml", "shellcheck: \(fake.path)\n")
        #expect(try PlimsollBinary.run(["lint", "--fail-on", "never", "--config", "fake.yaml", "Dockerfile"], in: scratch.url).stdout.contains("SC9999"))
        for (arguments, message) in [
            (["--no-shellcheck", "--shellcheck", fake.path], "plimsoll: error: --shellcheck and --no-shellcheck contradict each other\n"),
            (["--config", "missing.yaml"], "plimsoll: error: shellcheck in the configuration /nonexistent/shellcheck is not an executable file\n"),
            (["--config", "number.yaml"], "plimsoll: error: number.yaml: 'shellcheck' must be true, false or the path of a ShellCheck binary\n"),
        ] {
            try scratch.write("missing.yaml", "shellcheck: /nonexistent/shellcheck\n")
            try scratch.write("number.yaml", "shellcheck: 3\n")
            let outcome = try lint(arguments)
            #expect(outcome.status == 2 && outcome.stderr == message, "\(arguments)")
        }
    }
}

/// `--format codeclimate` has what GitLab's Code Quality widget reads, for every finding.
@Suite struct CodeClimateFormatTests {
    @Test func everyIssueHasTheFieldsGitLabReads() throws {
        let scratch = try Scratch()
        let file = try scratch.write("Dockerfile", "FROM node:latest\nRUN apt-get update\nRUN apt-get install curl\n").path
        let outcome = try PlimsollBinary.run(["lint", "-f", "codeclimate", file, "--no-shellcheck"])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        let issues = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        #expect(issues.count >= 3)
        for issue in issues {
            #expect((issue["description"] as? String)?.isEmpty == false && (issue["check_name"] as? String)?.hasPrefix("PD") == true)
            #expect(["info", "minor", "major", "critical", "blocker"].contains(issue["severity"] as? String ?? ""), "\(issue)")
            let location = try #require(issue["location"] as? [String: Any])
            #expect(location["path"] as? String == file && ((location["lines"] as? [String: Any])?["begin"] as? Int ?? 0) >= 1)
            #expect((issue["fingerprint"] as? String)?.count == 32)
        }
        // Fingerprints tell issues apart and stay the same from one run to the next.
        #expect(Set(issues.compactMap { $0["fingerprint"] as? String }).count == issues.count)
        #expect(try PlimsollBinary.run(["lint", "-f", "codeclimate", file, "--no-shellcheck"]).stdout == outcome.stdout)
        // A clean file is an empty list, which GitLab reads as "no issues".
        let clean = try scratch.write("Clean.Dockerfile", "FROM scratch\nCOPY app /app\nUSER 10001\nENTRYPOINT [\"/app\"]\n").path
        #expect(try PlimsollBinary.run(["lint", "-f", "codeclimate", clean, "--no-shellcheck"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
    }
}

/// `lint --diff` prints what `diff -u` prints between the file and its fixed version: minimal
/// hunks, line ends kept (CRLF files get CRLF in what the fixes insert).
@Suite struct DiffOutputTests {
    static let lines = ["FROM debian:12", "RUN apt-get update && apt-get install -y curl"] + (1...12).map { "RUN echo step \($0)" } + ["RUN apk add jq"]

    @Test(arguments: ["\n", "\r\n"])
    func theDiffIsDiffUOfTheFix(_ lineEnd: String) throws {
        let scratch = try Scratch()
        let text = Self.lines.joined(separator: lineEnd) + lineEnd
        let original = try scratch.write("Dockerfile", text)
        let shown = try PlimsollBinary.run(["lint", "--diff", original.path, "--no-shellcheck"])
        #expect(shown.status == 1, "\(shown.stderr)")
        _ = try PlimsollBinary.run(["lint", "--fix", original.path, "--no-shellcheck"])
        let fixed = try Data(contentsOf: original)
        let before = try scratch.write("before", text)
        let reference = try ExternalTool.run(["diff", "-u", before.path, original.path]).text
        // The headers name files and times differently; the hunks must be the same.
        let hunks = { (diff: String) in diff.components(separatedBy: "\n").drop { !$0.hasPrefix("@@") }.joined(separator: "\n") }
        #expect(hunks(shown.stdout) == hunks(reference), "\(shown.stdout)\n---\n\(reference)")
        #expect(shown.stdout.components(separatedBy: "@@ -").count == 3, "two hunks for two fixes far apart: \(shown.stdout)")
        // Every line of the fixed file ends as the original's do.
        let fixedText = String(decoding: fixed, as: UTF8.self)
        #expect(lineEnd == "\r\n" ? !fixedText.replacingOccurrences(of: "\r\n", with: "").contains("\n") : !fixedText.contains("\r"))
    }
}
