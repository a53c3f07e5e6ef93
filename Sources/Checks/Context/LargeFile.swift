import BuildContext
/// The practice: small contexts and images.
struct LargeFile: ContextRule {
    static let meta = RuleMeta(
        id: "PC007", name: "large-file", severity: .warning,
        title: "A large file is sent",
        why: """
            Large files (database dumps, archives, videos, model weights, core dumps) are uploaded on every \
            build and, when a COPY takes them, stored in a layer. If the image needs them, download them in \
            a build step or mount them; if not, list them in `.dockerignore`.
            """,
        triggering: [
            "== Dockerfile ==\nFROM alpine:3.20\nCOPY . /srv\n== backup.sql (20000 bytes) ==\n",
            "== Dockerfile ==\nFROM alpine:3.20\nCOPY app /srv\n== app/run.sh ==\necho\n== media/intro.mp4 (50000 bytes) ==\n",
        ],
        passing: [
            "== Dockerfile ==\nFROM alpine:3.20\nCOPY . /srv\n== .dockerignore ==\n*.sql\n== backup.sql (20000 bytes) ==\n",
            "== Dockerfile ==\nFROM alpine:3.20\nCOPY . /srv\n== small.txt (900 bytes) ==\n",
        ],
        options: [RuleOption(name: "max-file-kb", defaultValue: 10 * 1024, summary: "files above this size (KiB) are reported")],
        exampleConfiguration: "rules:\n  large-file:\n    max-file-kb: 10\n")

    func check(_ context: ContextCheckContext) -> [Finding] {
        let limit = Int64(context.option("max-file-kb", of: Self.meta)) * 1024
        return context.snapshot.files.filter { $0.size > limit }.map { file in
            let size = ByteSize.format(file.size)
            return context.findingCarried(
                Self.meta, path: file.path,
                sent: "`\(file.path)` (\(size)) is sent on every build; add it to .dockerignore if the image does not need it",
                copied: { "\($0.label) copies `\(file.path)` (\(size)) into the image" })
        }
    }
}
