import DockerfileSyntax

struct CopyArchiveThenExtract: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD055", name: "copy-archive-then-extract", severity: .info, aliases: ["DL3010"],
        title: "An archive is copied and then extracted by a later RUN",
        why: """
            `COPY app.tar.gz /tmp/` followed by `RUN tar xzf /tmp/app.tar.gz` stores the archive in one layer \
            and its contents in another, so the image carries both. `ADD app.tar.gz /opt/` extracts a local \
            archive in a single layer, and nothing of the archive itself remains.
            """,
        triggering: ["FROM alpine:3.24\nCOPY app.tar.gz /tmp/\nRUN tar xzf /tmp/app.tar.gz -C /opt\n",
                     "FROM alpine:3.24\nCOPY dist.tgz /srv/dist.tgz\nRUN cd /srv && tar -xf dist.tgz && rm dist.tgz\n"],
        passing: ["FROM alpine:3.24\nADD app.tar.gz /opt/\n", "FROM alpine:3.24\nCOPY app.tar.gz /srv/\n"])

    func check(_ context: LintContext) -> [Finding] {
        var archives: [(name: String, line: Int)] = []
        var findings: [Finding] = []
        for step in context.layerSteps {
            if step.instruction.kind == .copy, step.expandedFlag(named: "from") == nil {
                for source in step.expanded.dropLast() where AddInsteadOfCopy.archiveSuffixes.contains(where: { source.lowercased().hasSuffix($0) }) {
                    archives.append((source.split(separator: "/").last.map(String.init) ?? source, step.instruction.startLine))
                }
            }
            guard !archives.isEmpty, let script = step.script else { continue }
            for command in script.commands where command.program == "tar" || command.program == "unzip" {
                if let archive = archives.first(where: { archive in command.arguments.contains { $0.hasSuffix(archive.name) } }) {
                    findings.append(context.finding(Self.meta, at: step.instruction.span,
                                                    "`\(archive.name)` copied on line \(archive.line) is extracted here; `ADD \(archive.name) <dir>` does it in one layer without keeping the archive"))
                    break
                }
            }
        }
        return findings
    }
}
