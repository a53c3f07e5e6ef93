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
        passing: ["FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl\n", "FROM debian:12-slim\nRUN apt-cache policy curl\n"],
        fix: .safe)

    /// The subcommands `apt-get` takes with the same meaning (`apt list`, `search` and `show` belong to `apt-cache`).
    static let sharedSubcommands = ["update", "upgrade", "install", "remove", "purge", "autoremove", "full-upgrade", "dist-upgrade", "clean",
                                    "autoclean", "source", "build-dep", "download", "satisfy"]

    func check(_ context: LintContext) -> [Finding] {
        context.allSteps.compactMap { step -> Finding? in
            guard let command = step.script?.commands.first(where: { $0.program == "apt" }) else { return nil }
            let verb = command.subcommand.map { " \($0)" } ?? ""
            // Only when every `apt` of the RUN has an apt-get equivalent (`full-upgrade` is `dist-upgrade` there).
            let commands = step.script?.commands.filter { $0.program == "apt" } ?? []
            let convertible = commands.allSatisfy { Self.sharedSubcommands.contains($0.subcommand ?? "") && $0.subcommand != "full-upgrade" }
            let fix = convertible ? RunTextEdits.insert("-get", after: ["apt"], asCommand: true, in: step, context: context)
                .map { Fix(Self.meta, description: "Use apt-get", edits: $0) } : nil
            return context.finding(Self.meta, at: step.instruction.span, "`apt\(verb)` is meant for people; use `apt-get\(verb)` in a Dockerfile",
                                   fix: fix)
        }
    }
}
