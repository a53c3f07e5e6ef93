import DockerfileSyntax

struct AddURLWithoutChecksum: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD045", name: "add-url-without-checksum", severity: .warning,
        title: "ADD downloads a URL without --checksum",
        why: """
            `ADD https://…` fetches whatever the server returns at build time: a changed or compromised \
            file goes into the image unnoticed, and the layer cache cannot tell. `ADD --checksum=sha256:…` \
            pins the content and fails the build when it changes.
            """,
        triggering: ["FROM alpine:3.20\nADD https://example.com/tool.tgz /tmp/\n", "FROM alpine:3.20\nADD --chmod=755 https://example.com/run.sh /usr/local/bin/run\n"],
        passing: ["FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tgz /tmp/\n",
                  "FROM alpine:3.20\nADD tool.tgz /opt/\n"])

    func check(_ context: LintContext) -> [Finding] {
        context.allSteps.compactMap { step -> Finding? in
            guard step.instruction.kind == .add, step.expandedFlag(named: "checksum") == nil,
                  let url = step.expanded.dropLast().first(where: { $0.hasPrefix("http://") || $0.hasPrefix("https://") }) else { return nil }
            return context.finding(Self.meta, at: step.instruction.span, "`ADD \(url)` is not pinned; add `--checksum=sha256:<digest>`")
        }
    }
}
