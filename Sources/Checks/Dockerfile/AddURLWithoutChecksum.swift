import DockerfileSyntax

struct AddURLWithoutChecksum: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD045", name: "add-url-without-checksum", severity: .warning,
        title: "ADD downloads a URL without --checksum",
        why: """
            `ADD https://…` fetches whatever the server returns at build time: a changed or compromised \
            file goes into the image unnoticed, and the layer cache cannot tell. `ADD --checksum=sha256:…` \
            pins the content and fails the build when it changes. A git source (`ADD https://…/repo.git#v1.4`) \
            follows a branch or tag, which can move too: BuildKit pins it by commit (`#<commit>`, or \
            `--checksum=<commit>`), not by a sha256.
            """,
        triggering: ["FROM alpine:3.20\nADD https://example.com/tool.tgz /tmp/\n", "FROM alpine:3.20\nADD --chmod=755 https://example.com/run.sh /usr/local/bin/run\n",
                     "FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#v0.14.0 /src\n"],
        passing: ["FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tgz /tmp/\n",
                  "FROM alpine:3.20\nADD tool.tgz /opt/\n",
                  "FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#2f5e2a5d9dc4d5cf2ab4f8b3f6a6e3b8c2f1d0a9 /src\n"])

    func check(_ context: LintContext) -> [Finding] {
        context.allSteps.compactMap { step -> Finding? in
            let sources = step.expanded.dropLast()
            guard step.instruction.kind == .add, step.expandedFlag(named: "checksum") == nil,
                  let index = sources.firstIndex(where: { $0.hasPrefix("http://") || $0.hasPrefix("https://") || $0.hasPrefix("git@") }) else { return nil }
            let url = sources[index]
            // The text as written, not with unset ARGs expanded to nothing.
            let written = step.instruction.body.values.map(\.value)
            let shown = written.indices.contains(index) ? written[index] : url
            if let git = GitSource(url) {
                guard !git.pinsCommit else { return nil }
                return context.finding(Self.meta, at: step.instruction.span,
                                       "`ADD \(shown)` follows \(git.reference.map { "`\($0)`, which can move" } ?? "the default branch"); pin the commit: `\(git.repository)#<commit>` (or `--checksum=<commit>`)")
            }
            return context.finding(Self.meta, at: step.instruction.span, "`ADD \(shown)` is not pinned; add `--checksum=sha256:<digest>`")
        }
    }
}

/// A git source as BuildKit's ADD takes it: `https://host/repo.git#ref`, `git@host:repo.git#ref`.
private struct GitSource {
    var repository: String
    var reference: String?

    init?(_ url: String) {
        let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let repository = String(parts[0])
        guard repository.hasSuffix(".git") || url.hasPrefix("git@") else { return nil }
        self.repository = repository
        // `#ref:subdir`: the ref is before the colon.
        reference = parts.count > 1 ? String(parts[1].split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)[0]) : nil
        if reference?.isEmpty == true { reference = nil }
    }

    /// A full commit id is the only ref that cannot move.
    var pinsCommit: Bool {
        guard let reference, reference.utf8.count == 40 else { return false }
        return reference.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
