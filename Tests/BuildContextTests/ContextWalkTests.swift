import BuildContext
import DockerfileSyntax
import Foundation
import Testing

/// A context directory built on disk for one test, removed afterwards.
final class ContextFixture {
    let root: URL

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("plimsoll-context-\(UUID().uuidString)")
        for (path, content) in files {
            let url = root.appendingPathComponent(path)
            if path.hasSuffix("/") {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
                continue
            }
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content.utf8).write(to: url)
        }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func symlink(_ path: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent(path).path, withDestinationPath: target)
    }

    func snapshot(dockerfile: String? = nil) throws -> ContextSnapshot {
        try BuildContextLoader.load(context: root.path, dockerfile: dockerfile.map { root.appendingPathComponent($0).path })
    }
}

@Suite struct ContextWalkTests {
    let files = [
        "Dockerfile": "FROM alpine:3.20\n",
        ".dockerignore": "# deps\nnode_modules\n*.log\n!keep.log\nbuild\n!build/keep\n.git\n",
        "src/app.js": "console.log(1)\n",
        "src/app.log": "log\n",
        "keep.log": "kept\n",
        "node_modules/x/index.js": "module.exports = 1\n",
        "build/out.bin": "binary",
        "build/keep/a.txt": "a",
        ".git/config": "[core]\n",
        "emptydir/": "",
    ]

    @Test func sendsWhatDockerSends() throws {
        let fixture = try ContextFixture(files)
        try fixture.symlink("outside", to: "../../etc/passwd")
        try fixture.symlink("loop", to: "loop")
        let snapshot = try fixture.snapshot()
        // `*.log` has no slash, so it matches top-level names only: src/app.log is sent, as Docker sends it.
        #expect(snapshot.files.map(\.path) == [".dockerignore", "Dockerfile", "build/keep/a.txt", "keep.log", "loop", "outside", "src/app.js", "src/app.log"])
        #expect(snapshot.files.first { $0.path == "outside" }?.kind == .symlink)
        #expect(snapshot.files.first { $0.path == "outside" }?.linkTarget == "../../etc/passwd")
        #expect(snapshot.directories.map(\.path) == ["build/keep", "emptydir", "src"])
        let sent = [".dockerignore", "Dockerfile", "build/keep/a.txt", "keep.log", "src/app.js", "src/app.log"]
        #expect(snapshot.totalBytes == Int64(sent.reduce(0) { $0 + files[$1]!.utf8.count }))
        #expect(snapshot.ignoreFile?.hasSuffix("/.dockerignore") == true)
    }

    @Test func dockerfileSpecificIgnoreFileReplacesTheRootOne() throws {
        var layout = files
        layout["app.Dockerfile"] = "FROM alpine:3.20\n"
        layout["app.Dockerfile.dockerignore"] = "src\n"
        let fixture = try ContextFixture(layout)
        let snapshot = try fixture.snapshot(dockerfile: "app.Dockerfile")
        #expect(snapshot.ignoreFile?.hasSuffix("app.Dockerfile.dockerignore") == true)
        #expect(!snapshot.files.contains { $0.path.hasPrefix("src/") })
        #expect(snapshot.files.contains { $0.path == "node_modules/x/index.js" })
    }

    @Test func invalidPatternNamesTheLine() throws {
        let fixture = try ContextFixture(["Dockerfile": "FROM a\n", ".dockerignore": "ok\n# c\n[\n"])
        #expect {
            _ = try fixture.snapshot()
        } throws: { error in
            "\(error)".contains(".dockerignore: line 3: invalid pattern \"[\"")
        }
    }

    @Test func unusualNamesAndHugeIgnoreFiles() throws {
        let fixture = try ContextFixture(["Dockerfile": "FROM a\n", ".dockerignore": String(repeating: "*.tmp\n!x\n", count: 50_000)])
        FileManager.default.createFile(atPath: fixture.root.appendingPathComponent("new\nline").path, contents: Data("x".utf8))
        let invalidName = Array((fixture.root.path + "/bad-").utf8).map { CChar(bitPattern: $0) } + [CChar(bitPattern: 0xFF), 0]
        close(creat(invalidName, 0o644))
        let snapshot = try fixture.snapshot()
        #expect(snapshot.files.contains { $0.path == "new\nline" })
        #expect(snapshot.files.contains { $0.path == "bad-\u{FFFD}" })
        #expect(snapshot.files.count == 4)
    }

    @Test func overlongPatternIsAnErrorNamingTheLine() throws {
        let fixture = try ContextFixture(["Dockerfile": "FROM a\n", ".dockerignore": "ok\n*" + String(repeating: "x", count: 1_000_000) + "\n"])
        #expect {
            _ = try fixture.snapshot()
        } throws: { error in
            "\(error)".contains("line 2: invalid pattern") && "\(error)".contains("longer than 4096 bytes")
        }
    }

    @Test func missingContextIsAnError() {
        #expect(throws: ContextError.self) { try BuildContextLoader.load(context: "/nonexistent/ctx", dockerfile: nil) }
    }

    /// A path longer than PATH_MAX cannot be opened, even by root: the walk reports it and goes on.
    @Test func tooLongPathIsReportedNotFatal() throws {
        let fixture = try ContextFixture(["Dockerfile": "FROM a\n", "ok.txt": "1"])
        let name = String(repeating: "d", count: 250)
        var directory = open(fixture.root.path, O_RDONLY | O_DIRECTORY)
        for _ in 0..<20 {
            mkdirat(directory, name, 0o755)
            let next = openat(directory, name, O_RDONLY | O_DIRECTORY)
            close(directory)
            directory = next
        }
        close(directory)
        let snapshot = try fixture.snapshot()
        #expect(snapshot.files.map(\.path) == ["Dockerfile", "ok.txt"])
        #expect(snapshot.problems.count == 1)
        #expect(snapshot.problems.first?.message.contains("file name too long") == true)
    }

    @Test func unreadableDirectoryIsReportedNotFatal() throws {
        guard getuid() != 0 else { return }  // root reads everything; the permission case cannot be built
        let fixture = try ContextFixture(["Dockerfile": "FROM a\n", "secret/x": "1"])
        let secret = fixture.root.appendingPathComponent("secret").path
        chmod(secret, 0)
        defer { chmod(secret, 0o755) }
        let snapshot = try fixture.snapshot()
        #expect(snapshot.problems.map(\.path) == ["secret"])
    }
}

@Suite struct CopyResolutionTests {
    @Test func resolvesGlobsDirectoriesExcludesAndHeredocs() throws {
        let fixture = try ContextFixture([
            "Dockerfile": "", ".dockerignore": "node_modules\n",
            "src/a.js": "aa", "src/b.js": "bbb", "src/c.log": "c", "src/lib/d.js": "dddd", "node_modules/m.js": "m",
        ])
        let snapshot = try fixture.snapshot()
        let dockerfile = """
            FROM node:22-slim
            COPY src/*.js /app/
            COPY --exclude=*.log src /src
            COPY . /all
            COPY missing node_modules /x/
            COPY <<EOF /etc/motd
            hello
            EOF
            COPY --from=build /out /out
            ADD https://example.com/a.tgz /tmp/
            """
        let graph = BuildGraph(try DockerfileParser.parse(text: dockerfile))
        let copies = CopyResolver.resolve(graph, in: snapshot)
        #expect(copies.count == 6)
        #expect(copies[0].files.map(\.path) == ["src/a.js", "src/b.js"])
        #expect(copies[0].totalBytes == 5)
        #expect(copies[1].files.map(\.path) == ["src/a.js", "src/b.js", "src/lib/d.js"])
        #expect(copies[2].copiesWholeContext && copies[2].files.count == snapshot.files.count)
        #expect(copies[3].unmatched.map(\.source) == ["missing", "node_modules"])
        #expect(copies[3].unmatched.map(\.ignored) == [false, true])
        #expect(copies[4].files.isEmpty && copies[4].unmatched.isEmpty)
        #expect(copies[5].files.isEmpty && copies[5].unmatched.isEmpty)
    }
}
