import DockerfileSyntax

struct ApkAddWithoutNoCache: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD015", name: "apk-add-without-no-cache", severity: .warning, aliases: ["DL3019", "DS-0025"],
        title: "apk add keeps its package index in the layer",
        why: """
            `apk add` without `--no-cache` downloads the package index into `/var/cache/apk` and leaves it \
            in the layer. `--no-cache` fetches the index to a temporary place and needs no `apk update` \
            either. A cache mount on `/var/cache/apk`, or deleting it in the same RUN, is equally good.
            """,
        triggering: ["FROM alpine:3.20\nRUN apk add curl\n", "FROM alpine:3.20\nRUN apk update && apk add --virtual .build gcc\n"],
        passing: ["FROM alpine:3.20\nRUN apk add --no-cache curl\n", "FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n",
                  "FROM alpine:3.20\nRUN apk add curl && rm -rf /var/cache/apk/*\n"],
        fix: .safe,
        differences: [AliasDifference(.buildStage, aliases: ["DL3019"], "build stages whose layers do not make up the image are not flagged (hadolint flags them too).")])

    static let cache = PackageManager.apk.cacheDirectory(program: "apk") ?? "/var/cache/apk"

    func check(_ context: LintContext) -> [Finding] {
        context.layerSteps.compactMap { step -> Finding? in
            guard PackageCommands(step)?.leaves(Self.cache) != nil else { return nil }
            return context.finding(Self.meta, at: step.instruction.span,
                                   "`apk add` without `--no-cache` leaves the package index in this layer; use `apk add --no-cache`",
                                   fix: fix(step, in: context))
        }
    }

    /// Inserts `--no-cache` after every `apk add` of a shell-form RUN.
    /// Not when a later `apk add` (without `--no-cache`) installs from the index this RUN keeps.
    private func fix(_ step: Step, in context: LintContext) -> Fix? {
        guard !LaterIndexReads.needIndex(of: .apk, after: step, in: context.graph) else { return nil }
        return RunTextEdits.insert(" --no-cache", after: ["apk add"], in: step, context: context)
            .map { Fix(Self.meta, description: "Add --no-cache to apk add", edits: $0) }
    }
}
