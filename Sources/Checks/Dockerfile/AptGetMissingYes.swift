import DockerfileSyntax

struct AptGetMissingYes: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD013", name: "apt-get-missing-yes", severity: .warning, aliases: ["DL3014", "DS-0021"],
        title: "apt-get install without -y",
        why: """
            A build has no one to answer apt's "Do you want to continue?" prompt: without `-y` the install \
            aborts as soon as it wants to add a package that was not named, and the build fails on one \
            machine and not another depending on what the base image already has.
            """,
        triggering: ["FROM debian:12-slim\nRUN apt-get update && apt-get install curl\n", "FROM debian:12-slim\nRUN apt-get install --no-install-recommends git\n"],
        passing: ["FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl\n", "FROM debian:12-slim\nRUN apt-get -qq install git\n",
                  "FROM debian:12-slim\nRUN apt-get install --yes git\n"],
        fix: .safe)

    static func answersYes(_ command: ShellCommand) -> Bool {
        command.hasOption("-y") || command.hasOption("--yes") || command.hasOption("--assume-yes")
            || command.arguments.contains { $0 == "-qq" || $0 == "-q=2" || $0 == "--quiet=2" || $0.contains(text: "Assume-Yes=true") }
    }

    func check(_ context: LintContext) -> [Finding] {
        context.allSteps.compactMap { step -> Finding? in
            guard (PackageCommands(step)?.commands(.apt, subcommand: "install") ?? []).contains(where: { !Self.answersYes($0) }) else { return nil }
            let fix = RunTextEdits.insert(" -y", after: ["apt-get install", "apt install"], in: step, context: context)
                .map { Fix(Self.meta, description: "Add -y to apt-get install", edits: $0) }
            return context.finding(Self.meta, at: step.instruction.span, "`apt-get install` without `-y` waits for an answer no build can give; add `-y`", fix: fix)
        }
    }
}
