import DockerfileSyntax

struct UpdateAlone: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD034", name: "update-alone", severity: .warning, aliases: ["DS-0017", "CKV_DOCKER_5"],
        title: "A RUN only refreshes the package index",
        why: """
            `RUN apt-get update` on its own makes a layer of package lists and is cached independently of the \
            install that follows: when the install line changes, Docker reuses the old index and installs \
            stale versions or fails with 404s. Update and install in one RUN (and remove the lists there).
            """,
        triggering: ["FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y curl\n", "FROM alpine:3.20\nRUN apk update\n"],
        passing: ["FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl\n", "FROM fedora:41\nRUN dnf makecache && dnf install -y git\n"])

    func check(_ context: LintContext) -> [Finding] {
        context.allSteps.compactMap { step -> Finding? in
            guard let commands = step.script?.commands.filter({ $0.program != nil }), !commands.isEmpty,
                  commands.allSatisfy(Self.onlyRefreshes) else { return nil }
            let text = commands.map { ([$0.program ?? ""] + $0.arguments).joined(separator: " ") }.joined(separator: " && ")
            return context.finding(Self.meta, at: step.instruction.span, "`\(text)` alone makes a layer of package lists that goes stale; update and install in the same RUN")
        }
    }

    static func onlyRefreshes(_ command: ShellCommand) -> Bool {
        command.invokes(["apt-get", "apt", "apk"], subcommand: ["update"]) || command.invokes(["yum", "dnf", "microdnf"], subcommand: ["makecache"])
            || command.program == "set"
    }
}
