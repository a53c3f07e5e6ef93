import BuildContext
/// The practice: small contexts.
struct LargeContext: ContextRule {
    static let meta = RuleMeta(
        id: "PC008", name: "large-context", severity: .info,
        title: "The build context is large",
        why: """
            Every build uploads the whole context before the first instruction runs, and a remote builder \
            pays for it in time and transfer. A context of hundreds of megabytes usually means `.dockerignore` \
            is missing entries (dependencies, build output, data, `.git`). `plimsoll context` lists the \
            largest files and folders.
            """,
        triggering: [
            "== Dockerfile ==\nFROM alpine:3.20\nCOPY app /srv\n== app/a.bin (30000 bytes) ==\n",
            "== Dockerfile ==\nFROM alpine:3.20\n== data/a.csv (20000 bytes) ==\n== data/b.csv (20000 bytes) ==\n",
        ],
        passing: [
            "== Dockerfile ==\nFROM alpine:3.20\nCOPY app /srv\n== app/a.bin (1000 bytes) ==\n",
            "== Dockerfile ==\nFROM alpine:3.20\n== .dockerignore ==\ndata\n== data/a.csv (30000 bytes) ==\n",
        ],
        options: [RuleOption(name: "max-context-kb", defaultValue: 100 * 1024, summary: "contexts above this size (KiB) are reported")],
        exampleConfiguration: "rules:\n  large-context:\n    max-context-kb: 20\n")

    func check(_ context: ContextCheckContext) -> [Finding] {
        let total = context.snapshot.totalBytes
        guard total > Int64(context.option("max-context-kb", of: Self.meta)) * 1024 else { return [] }
        return [context.finding(Self.meta, path: ".",
                                "the build context sends \(context.snapshot.files.count) files, \(ByteSize.format(total)); check .dockerignore")]
    }
}
