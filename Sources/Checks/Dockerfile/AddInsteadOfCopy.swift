import DockerfileSyntax

struct AddInsteadOfCopy: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD012", name: "add-instead-of-copy", severity: .warning, aliases: ["DL3020", "DS-0005", "CKV_DOCKER_4"],
        title: "ADD is used where COPY does the job",
        why: """
            ADD also downloads URLs and unpacks local tar archives, so a reader cannot tell from the line \
            what lands in the image, and a file that happens to be an archive is silently extracted. COPY \
            copies exactly what it names. Keep ADD for the archive extraction and `--checksum` downloads it \
            exists for.
            """,
        triggering: ["FROM alpine:3.20\nADD app.py /srv/\n", "FROM alpine:3.20\nADD --chown=app config/ /etc/app/\n"],
        passing: ["FROM alpine:3.20\nCOPY app.py /srv/\n", "FROM alpine:3.20\nADD rootfs.tar.gz /\n",
                  "FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/a.tgz /tmp/\n"],
        fix: .safe)

    static let archiveSuffixes = [".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tbz", ".tar.xz", ".txz", ".tar.zst", ".tzst", ".gz", ".bz2", ".xz", ".zst"]

    func check(_ context: LintContext) -> [Finding] {
        context.graph.stages.flatMap { stage in
            stage.steps.compactMap { step -> Finding? in
                let instruction = step.instruction
                guard instruction.kind == .add, instruction.heredocs.isEmpty, step.expanded.count >= 2 else { return nil }
                let sources = step.expanded.dropLast()
                let local = sources.allSatisfy { source in
                    !source.contains(text: "://") && !source.hasPrefix("git@") && !Self.archiveSuffixes.contains { source.lowercased().hasSuffix($0) }
                }
                guard local, instruction.flag(named: "checksum") == nil, instruction.flag(named: "keep-git-dir") == nil,
                      instruction.flag(named: "unpack") == nil else { return nil }
                let fix = Fix(Self.meta, description: "Replace ADD with COPY", edits: [context.edit(instruction.keywordSpan, "COPY")])
                return context.finding(Self.meta, at: instruction.keywordSpan,
                                       "ADD copies local files here (\(sources.joined(separator: " "))); use COPY", fix: fix)
            }
        }
    }
}
