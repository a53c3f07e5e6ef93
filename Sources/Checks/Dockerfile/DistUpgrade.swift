import DockerfileSyntax

struct DistUpgrade: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD056", name: "dist-upgrade", severity: .warning, aliases: ["DL3005", "DS-0024"],
        title: "RUN upgrades the whole distribution",
        why: """
            `apt-get dist-upgrade` (or `full-upgrade`, `zypper dist-upgrade`) may install, remove and replace \
            packages across the base image, so the result depends on the day of the build and can break the \
            base image's own assumptions. Update the base image instead (its maintainers rebuild it with \
            security fixes), or install the specific package versions you need.
            """,
        triggering: ["FROM debian:13-slim\nRUN apt-get update && apt-get dist-upgrade -y\n", "FROM opensuse/leap:15.6\nRUN zypper -n dist-upgrade\n"],
        passing: ["FROM debian:13-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n", "FROM debian:13-slim\nRUN echo dist-upgrade\n"])

    func check(_ context: LintContext) -> [Finding] {
        context.allSteps.compactMap { step -> Finding? in
            guard let command = step.script?.commands.first(where: { command in
                command.invokes(["apt-get", "apt"], subcommand: ["dist-upgrade", "full-upgrade"]) || command.invokes(["zypper"], subcommand: ["dist-upgrade", "dup"])
            }) else { return nil }
            return context.finding(Self.meta, at: step.instruction.span,
                                   "`\(command.program ?? "apt-get") \(command.subcommand ?? "dist-upgrade")` rewrites the base image's packages; use a newer base image instead")
        }
    }
}
