import Foundation
import ImageFixtures
import Testing

/// Where teams run checks: the GitHub Action (action.yml and its script) and the pre-commit hooks,
/// each run for real against the built binary.
@Suite struct GitHubActionTests {
    /// action.yml as JSON, through PyYAML (which pre-commit brings; `make test` installs it).
    static func action() throws -> [String: Any] {
        let script = "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))"
        let outcome = try ExternalTool.run(["python3", "-c", script, PlimsollBinary.repository.appendingPathComponent("action.yml").path],
                                           mergingErrors: true)
        return try #require(try JSONSerialization.jsonObject(with: Data(outcome.output)) as? [String: Any], "\(outcome.text)")
    }

    static var script: String { PlimsollBinary.repository.appendingPathComponent("scripts/github-action.sh").path }

    /// Runs the action's script as the runner would, with the built binary.
    static func run(_ inputs: [String: String], in directory: URL) throws -> ExternalTool.Outcome {
        var arguments = ["env", "PLIMSOLL=" + PlimsollBinary.url.path, "GITHUB_OUTPUT=" + directory.appendingPathComponent("github-output").path]
        arguments += inputs.map { "INPUT_" + $0.key.uppercased().replacingOccurrences(of: "-", with: "_") + "=" + $0.value }
        arguments += ["bash", "-c", "cd \"$1\" && bash \"$2\"", "sh", directory.path, script]
        return try ExternalTool.run(arguments, mergingErrors: true)
    }

    @Test func everyInputReachesTheScriptAndEveryOptionIsReal() throws {
        let action = try Self.action()
        let inputs = try #require(action["inputs"] as? [String: Any])
        #expect(Set(inputs.keys) == ["paths", "image", "format", "output", "fail-on", "config"])
        let steps = try #require((action["runs"] as? [String: Any])?["steps"] as? [[String: Any]])
        let environment = try #require(steps.last?["env"] as? [String: String])
        let script = try String(contentsOfFile: Self.script, encoding: .utf8)
        for input in inputs.keys {
            let variable = "INPUT_" + input.uppercased().replacingOccurrences(of: "-", with: "_")
            #expect(environment[variable] == "${{ inputs.\(input) }}" && script.contains(variable), "\(input)")
        }
        // Every option the script passes is one `check` or `lint` documents.
        let help = try PlimsollBinary.run(["check", "--help"]).stdout + PlimsollBinary.run(["lint", "--help"]).stdout
        let options = Set(script.split(whereSeparator: { !$0.isLetter && $0 != "-" }).filter { $0.hasPrefix("--") && $0.count > 2 }.map(String.init))
        #expect(!options.isEmpty)
        for option in options { #expect(help.contains(option), "\(option) is not an option of check or lint") }
        // The documented formats are the real ones.
        let format = try #require((inputs["format"] as? [String: Any])?["description"] as? String)
        for name in ["text", "json", "sarif", "github", "checkstyle", "junit", "codeclimate"] { #expect(format.contains(name)) }
    }

    /// README's workflow example names only inputs the action has, and its hook example only hooks there are.
    @Test func readmeExamplesNameRealInputsAndHooks() throws {
        let script = """
            import json, re, sys, yaml
            readme = open(sys.argv[1]).read()
            blocks = [yaml.safe_load(block) for block in re.findall(r"```yaml\\n(.*?)```", readme, re.S)]
            workflow = next(b for b in blocks if isinstance(b, dict) and "jobs" in b)
            step = next(s for s in workflow["jobs"]["plimsoll"]["steps"] if s.get("uses", "").startswith("plimsoll-dev/plimsoll"))
            hooks = next(b for b in blocks if isinstance(b, dict) and "repos" in b)["repos"][0]["hooks"]
            listed = [h["id"] for h in yaml.safe_load(open(sys.argv[2]))]
            print(json.dumps({"with": sorted(step["with"]), "hooks": [h["id"] for h in hooks], "listed": listed}))
            """
        let outcome = try ExternalTool.run(["python3", "-c", script, PlimsollBinary.repository.appendingPathComponent("README.md").path,
                                            PlimsollBinary.repository.appendingPathComponent(".pre-commit-hooks.yaml").path], mergingErrors: true)
        let found = try #require(try JSONSerialization.jsonObject(with: Data(outcome.output)) as? [String: [String]], "\(outcome.text)")
        let inputs = try #require(try Self.action()["inputs"] as? [String: Any])
        #expect(!(found["with"] ?? []).isEmpty && (found["with"] ?? []).allSatisfy { inputs[$0] != nil }, "\(found)")
        #expect(found["hooks"] == found["listed"], "\(found)")
    }

    @Test func theScriptChecksAProjectAndLintsDockerfiles() throws {
        let scratch = try Scratch()
        try FileManager.default.copyItem(at: PlimsollBinary.repository.appendingPathComponent("examples/node-api"),
                                         to: scratch.url.appendingPathComponent("project"))
        let checked = try Self.run(["paths": "project", "output": "report.sarif"], in: scratch.url)
        #expect(checked.status == 1, "\(checked.text)")
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: scratch.url.appendingPathComponent("report.sarif")))
            as? [String: Any])
        let results = try #require((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [Any])
        #expect(results.count >= 5)
        #expect(try String(contentsOf: scratch.url.appendingPathComponent("github-output"), encoding: .utf8) == "report=report.sarif\n")

        let linted = try Self.run(["paths": "project/Dockerfile", "format": "github", "output": "annotations.txt", "fail-on": "never"], in: scratch.url)
        #expect(linted.status == 0, "\(linted.text)")
        #expect(try String(contentsOf: scratch.url.appendingPathComponent("annotations.txt"), encoding: .utf8).contains("::warning file=project/Dockerfile"))

        for bad in [["paths": "project missing"], ["paths": "project/Dockerfile", "image": "oci:x"]] {
            let refused = try Self.run(bad, in: scratch.url)
            #expect(refused.status == 2 && refused.text.split(separator: "\n").count == 1, "\(bad): \(refused.text)")
        }
    }
}

@Suite(.enabled(if: Prerequisite.runs(["pre-commit", "--version"]), "needs pre-commit (PyPI); `make test` installs it"))
struct PreCommitHookTests {
    /// A git repository with a flawed Dockerfile, and `pre-commit try-repo` of this repository's hooks in it.
    static func tryHook(_ hook: String) throws -> ExternalTool.Outcome {
        let scratch = try Scratch()
        try scratch.write("app/Dockerfile", "FROM node:latest\nRUN apt-get update\nCOPY . .\n")
        try scratch.write("app/server.js", "console.log('hi')\n")
        try scratch.write("Dockerfile", "FROM debian:12\nRUN apt-get install curl\n")
        let git = ["git", "-C", scratch.url.path, "-c", "user.email=ci@example.com", "-c", "user.name=CI"]
        for arguments in [["init", "-q"], ["add", "."], ["commit", "-q", "-m", "sample"]] { _ = try ExternalTool.run(git + arguments) }
        let path = PlimsollBinary.url.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let cache = try Scratch()
        return try ExternalTool.run(["env", "PATH=" + path, "PRE_COMMIT_HOME=" + cache.url.path,
                                     "bash", "-c", "cd \"$1\" && pre-commit try-repo \"$2\" \"$3\" --all-files", "sh",
                                     scratch.url.path, PlimsollBinary.repository.path, hook], mergingErrors: true)
    }

    @Test func theLintHookLintsEveryDockerfile() throws {
        let outcome = try Self.tryHook("plimsoll-lint")
        #expect(outcome.status == 1, "\(outcome.text)")
        #expect(outcome.text.contains("app/Dockerfile:1:6: warning[PD006]") && outcome.text.contains("Dockerfile:2:1"), "\(outcome.text)")
        #expect(!outcome.text.contains("server.js:"))
    }

    @Test func theContextHookChecksTheRoot() throws {
        let outcome = try Self.tryHook("plimsoll-context")
        // The sample has no .dockerignore, so its .git goes to the builder.
        #expect(outcome.status == 1 && outcome.text.contains("warning[PC004] `.git`"), "\(outcome.text)")
    }
}
