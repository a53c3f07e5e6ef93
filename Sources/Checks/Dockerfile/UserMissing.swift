import DockerfileSyntax

/// The practice: do not run as root.
struct UserMissing: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD003", name: "user-missing", severity: .warning, aliases: ["DS-0002", "CIS-DI-0001", "CKV_DOCKER_3"],
        title: "The image runs as root: no USER in the final stage",
        why: """
            Without a USER instruction the container's processes run as root (uid 0). A compromised process \
            then owns the whole container filesystem and is one kernel or runtime bug away from the host. \
            Create an unprivileged user and switch to it with USER before the entrypoint.
            """,
        triggering: [
            "FROM node:22-slim\nCOPY app.js /app/\nCMD [\"node\", \"/app/app.js\"]\n",
            "FROM alpine:3.20 AS base\nFROM base\nCMD [\"sh\"]\n",
        ],
        passing: [
            "FROM node:22-slim\nCOPY app.js /app/\nUSER node\nCMD [\"node\", \"/app/app.js\"]\n",
            "FROM alpine:3.20 AS base\nRUN adduser -D app\nUSER app\nFROM base\nCMD [\"sh\"]\n",
            "FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n",
        ])

    func check(_ context: LintContext) -> [Finding] {
        guard let stage = context.graph.finalStage, stage.user == nil, !Self.baseRunsUnprivileged(stage, in: context.graph) else {
            return []
        }
        let windows = stage.steps.first.map { !$0.usesPOSIXShell } ?? false
        let hint = windows ? "`USER ContainerUser`"
            : Self.hasNoShell(stage, in: context.graph) ? Self.shellLessHint(stage, in: context.graph)
            : Self.isAlpine(stage, in: context.graph) ? "`RUN adduser -D -u 10001 app` then `USER app`"
            : "`RUN useradd --create-home --uid 10001 app` then `USER app`"
        return [context.finding(Self.meta, at: stage.from.span,
                                "\(stage.name.map { "final stage `\($0)`" } ?? "the final stage") has no USER, so the container runs as root; add \(hint)")]
    }

    /// Bases that already switch to an unprivileged user (distroless `:nonroot`, Chainguard).
    static func baseRunsUnprivileged(_ stage: Stage, in graph: BuildGraph) -> Bool {
        guard case .image(let reference) = rootBase(of: stage, in: graph) else { return false }
        return (reference.tag ?? "").contains(text: "nonroot") || reference.registry == "cgr.dev"
    }

    /// `scratch` and distroless bases have no shell to run `useradd` in: a numeric USER needs no
    /// account, and distroless images ship one (`nonroot`, 65532).
    static func hasNoShell(_ stage: Stage, in graph: BuildGraph) -> Bool {
        switch rootBase(of: stage, in: graph) {
        case .scratch: return true
        case .image(let reference): return reference.repository.contains(text: "distroless")
        default: return false
        }
    }

    private static func shellLessHint(_ stage: Stage, in graph: BuildGraph) -> String {
        guard case .image = rootBase(of: stage, in: graph) else { return "`USER 65532:65532` (there is no shell to create a user with; a numeric id needs no account)" }
        return "`USER nonroot` (the distroless user, 65532), or use the base's `:nonroot` tag"
    }

    static func isAlpine(_ stage: Stage, in graph: BuildGraph) -> Bool {
        guard case .image(let reference) = rootBase(of: stage, in: graph) else { return false }
        return reference.repository.contains(text: "alpine") || (reference.tag ?? "").contains(text: "alpine")
    }

    /// The external image (or scratch) a stage is ultimately built on.
    static func rootBase(of stage: Stage, in graph: BuildGraph) -> StageBase {
        graph.lineage(of: stage).last?.base ?? stage.base
    }
}
