import DockerfileSyntax

/// The practice: do not run as root.
struct UserRoot: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD004", name: "user-root", severity: .warning, aliases: ["DL3002", "DS-0002", "CKV_DOCKER_8"],
        title: "The last USER is root",
        why: """
            Switching to root for installation steps is fine, but the last USER of the final stage decides \
            who runs the container. If it is `root` or uid 0, every process in the container has full \
            privileges. Switch back to an unprivileged user after the steps that need root.
            """,
        triggering: [
            "FROM debian:12-slim\nUSER app\nUSER root\nCMD [\"bash\"]\n",
            "FROM alpine:3.20\nUSER 0:0\n",
        ],
        passing: [
            "FROM debian:12-slim\nUSER root\nRUN mkdir /data\nUSER app\n",
            "FROM debian:12 AS build\nUSER root\nFROM debian:12-slim\nUSER 10001\n",
        ])

    static func isRoot(_ user: String) -> Bool {
        let name = user.split(separator: ":", maxSplits: 1).first.map(String.init) ?? user
        return name == "root" || name == "0"
    }

    func check(_ context: LintContext) -> [Finding] {
        guard let final = context.graph.finalStage, let user = final.user, Self.isRoot(user) else { return [] }
        // The USER that set it may be in a stage the final one is built on.
        for current in context.graph.lineage(of: final) {
            if let step = current.steps.last(where: { $0.instruction.kind == .user }) {
                return [context.finding(Self.meta, at: step.instruction.span,
                                        "the container runs as `\(user)`; switch to an unprivileged user after the steps that need root")]
            }
        }
        return []
    }
}
