import Foundation
import Testing

@Suite struct ContextCommandTests {
    func project() throws -> Scratch {
        let scratch = try Scratch()
        try scratch.write("Dockerfile", "FROM node:22-slim\nUSER node\nCOPY package.json /app/\nCOPY . /app\n")
        try scratch.write("package.json", "{}\n")
        try scratch.write("src/index.js", "console.log(1)\n")
        try scratch.write(".env", "TOKEN=1\n")
        try scratch.write("logs/app.log", "started\n")
        return scratch
    }

    @Test func textShowsTotalsCopiesAndFindings() throws {
        let scratch = try project()
        let outcome = try PlimsollBinary.run(["context", scratch.url.path, "--no-color"])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("sends 5 files"))
        #expect(outcome.stdout.contains("Dockerfile:4  COPY . /app  → 5 files"))
        #expect(outcome.stdout.contains("error[PC003]") && outcome.stdout.contains("warning[PC001]") && outcome.stdout.contains("info[PC006]"))
    }

    @Test func jsonHasTheContextSection() throws {
        let scratch = try project()
        try scratch.write(".dockerignore", "logs\n.env\n")
        let outcome = try PlimsollBinary.run(["context", scratch.url.path, "--format", "json", "--fail-on", "never"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let context = try #require(document["context"] as? [String: Any])
        #expect(context["root"] as? String == scratch.url.path)
        #expect((context["dockerignore"] as? String)?.hasSuffix("/.dockerignore") == true)
        #expect(context["fileCount"] as? Int == 4)
        let files = (context["files"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        #expect(files == [".dockerignore", "Dockerfile", "package.json", "src/index.js"])
        let copies = context["copies"] as? [[String: Any]] ?? []
        #expect(copies.map { $0["line"] as? Int } == [3, 4])
        #expect(copies.map { $0["fileCount"] as? Int } == [1, 4])
        #expect(copies.first?["instruction"] as? String == "COPY package.json /app/")
        #expect(document["findings"] is [Any])
    }

    @Test func checkAndLintRunTheContextRules() throws {
        let scratch = try project()
        let check = try PlimsollBinary.run(["check", scratch.url.path, "--format", "json"])
        let checked = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        let rules = (checked["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        #expect(rules.contains("PC003") && rules.contains("PD005"))
        #expect((checked["contexts"] as? [Any])?.count == 1)
        let dockerfile = scratch.url.appendingPathComponent("Dockerfile").path
        let plain = try PlimsollBinary.run(["lint", dockerfile])
        #expect(!plain.stdout.contains("PC003"))
        let withContext = try PlimsollBinary.run(["lint", "--context", scratch.url.path, dockerfile])
        #expect(withContext.stdout.contains("error[PC003]"))
    }

    @Test func contextWithoutDockerfileStillChecksWhatIsSent() throws {
        let scratch = try Scratch()
        try scratch.write("deploy/id_rsa", "-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n")
        let outcome = try PlimsollBinary.run(["context", scratch.url.path])
        #expect(outcome.status == 1 && outcome.stdout.contains("warning[PC002]"))
    }

    @Test func badInputs() throws {
        let scratch = try project()
        try scratch.write(".dockerignore", "ok\n[\n")
        let invalid = try PlimsollBinary.run(["context", scratch.url.path])
        #expect(invalid.status == 2 && invalid.stderr.contains(".dockerignore: line 2: invalid pattern \"[\""), "\(invalid.stderr)")
        #expect(invalid.stderr.split(separator: "\n").count == 1)
        let missing = try PlimsollBinary.run(["context", scratch.url.appendingPathComponent("nope").path])
        #expect(missing.status == 2 && missing.stderr.contains("no such directory"))
        let noFile = try PlimsollBinary.run(["context", ".", "--file", "missing.Dockerfile"], in: scratch.url)
        #expect(noFile.status == 2 && noFile.stderr.contains("cannot read missing.Dockerfile"))
    }

    @Test func linksLoopsAndOddNamesAreHarmless() throws {
        let scratch = try Scratch()
        try scratch.write("Dockerfile", "FROM alpine:3.20\nCOPY . /srv\n")
        try FileManager.default.createSymbolicLink(atPath: scratch.url.appendingPathComponent("loop").path, withDestinationPath: "loop")
        try FileManager.default.createSymbolicLink(atPath: scratch.url.appendingPathComponent("etc").path, withDestinationPath: "/etc")
        try scratch.write("dir/new\nline.txt", "x")
        let outcome = try PlimsollBinary.run(["context", scratch.url.path, "--format", "json", "--fail-on", "never"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let files = ((document["context"] as? [String: Any])?["files"] as? [[String: Any]]) ?? []
        #expect(files.contains { $0["path"] as? String == "etc" && $0["type"] as? String == "symlink" })
        #expect(files.contains { $0["path"] as? String == "dir/new\nline.txt" })
        #expect(!files.contains { ($0["path"] as? String ?? "").hasPrefix("etc/") })
    }
}
