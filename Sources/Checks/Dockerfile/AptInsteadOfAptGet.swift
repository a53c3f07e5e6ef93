import DockerfileSyntax

struct AptInsteadOfAptGet: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD016", name: "apt-instead-of-apt-get", severity: .warning, aliases: ["DL3027", "CKV_DOCKER_9"],
        title: "apt is used in a script",
        why: """
            `apt` is the interactive front end: its output and behaviour may change between releases and it \
            warns that it "does not have a stable CLI interface". Scripts, Dockerfiles included, should use \
            `apt-get` and `apt-cache`.
            """,
        triggering: ["FROM debian:12-slim\nRUN apt update && apt install -y curl\n", "FROM ubuntu:24.04\nRUN apt-get update; apt upgrade -y\n"],
        passing: ["FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl\n", "FROM debian:12-slim\nRUN apt-cache policy curl\n"])

    func check(_ context: LintContext) -> [Finding] {
        context.allSteps.compactMap { step -> Finding? in
            guard let command = step.script?.commands.first(where: { $0.program == "apt" }) else { return nil }
            let verb = command.subcommand.map { " \($0)" } ?? ""
            return context.finding(Self.meta, at: step.instruction.span, "`apt\(verb)` is meant for people; use `apt-get\(verb)` in a Dockerfile")
        }
    }
}
