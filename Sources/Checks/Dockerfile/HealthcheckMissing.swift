import DockerfileSyntax

struct HealthcheckMissing: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD053", name: "healthcheck-missing", severity: .info, aliases: ["DL3057", "DS-0026", "CKV_DOCKER_2"],
        title: "The image defines no HEALTHCHECK",
        why: """
            Without a HEALTHCHECK, Docker and Swarm only know whether the process runs, not whether it \
            serves: a hung server stays "up". Kubernetes ignores HEALTHCHECK and uses its own probes, and \
            for jobs and CLI images a health check means nothing, which is why the rule is opt-in.
            """,
        triggering: ["FROM nginx:1.27-alpine\nCOPY site /usr/share/nginx/html\n", "FROM node:22-slim AS base\nFROM base\nCMD [\"node\", \"server.js\"]\n"],
        passing: ["FROM nginx:1.27-alpine\nHEALTHCHECK CMD wget -qO- http://localhost/ || exit 1\n",
                  "FROM node:22-slim AS base\nHEALTHCHECK CMD node health.js\nFROM base\nCMD [\"node\", \"server.js\"]\n"],
        exampleConfiguration: "enable: [healthcheck-missing]\n", isOptIn: true)

    func check(_ context: LintContext) -> [Finding] {
        guard let final = context.graph.finalStage, !context.layerSteps.contains(where: { $0.instruction.kind == .healthcheck }) else { return [] }
        return [context.finding(Self.meta, at: final.from.span, "no HEALTHCHECK: add one (e.g. `HEALTHCHECK CMD curl -f http://localhost/ || exit 1`) if the container serves requests")]
    }
}
