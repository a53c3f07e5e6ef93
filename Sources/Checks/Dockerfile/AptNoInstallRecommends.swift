import DockerfileSyntax

struct AptNoInstallRecommends: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD014", name: "apt-install-recommends", severity: .info, aliases: ["DL3015", "DS-0029"],
        title: "apt-get install also installs recommended packages",
        why: """
            By default apt installs every package the requested ones merely *recommend*: documentation, \
            optional tools, whole language runtimes. `--no-install-recommends` often cuts an install by tens \
            of megabytes.
            """,
        triggering: ["FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl\n", "FROM ubuntu:24.04\nRUN apt install -y python3\n"],
        passing: ["FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n",
                  "FROM debian:12 AS build\nRUN apt-get install -y gcc\nFROM scratch\nCOPY --from=build /bin/true /true\n",
                  "FROM debian:12-slim\nRUN apt-get install -y -o APT::Install-Recommends=false curl\n"],
        fix: .unsafe(because: "a recommended package the application relies on is no longer installed, so the image can build and then fail at run time"),
        differences: [AliasDifference(.buildStage, aliases: ["DL3015"], "build stages whose files do not reach the image are not flagged (hadolint flags them too).")])

    func check(_ context: LintContext) -> [Finding] {
        context.layerSteps.compactMap { step -> Finding? in
            let missing = (PackageCommands(step)?.commands(.apt, subcommand: "install") ?? []).filter { command in
                !command.hasOption("--no-install-recommends")
                    && !command.arguments.contains { $0.contains(text: "Install-Recommends=false") || $0.contains(text: "Install-Recommends=0") }
            }
            guard !missing.isEmpty else { return nil }
            // Unsafe: the application may rely on a package that was only recommended.
            let fix = RunTextEdits.insert(" --no-install-recommends", after: ["apt-get install", "apt install"], in: step, context: context)
                .map { Fix(Self.meta, description: "Add --no-install-recommends to apt-get install", edits: $0) }
            return context.finding(Self.meta, at: step.instruction.span,
                                   "`apt-get install` without `--no-install-recommends` also installs recommended packages; add the flag", fix: fix)
        }
    }
}
