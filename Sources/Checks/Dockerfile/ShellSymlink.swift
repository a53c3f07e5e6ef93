import DockerfileSyntax

struct ShellSymlink: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD033", name: "shell-symlink", severity: .warning, aliases: ["DL4005"],
        title: "RUN replaces /bin/sh with a symlink",
        why: "Relinking `/bin/sh` changes the shell of every later RUN and of every script in the image that expects a POSIX sh. The SHELL instruction changes the shell for RUN only, and says so.",
        triggering: ["FROM debian:12-slim\nRUN ln -sf /bin/bash /bin/sh\n", "FROM ubuntu:24.04\nRUN rm /bin/sh && ln -s /bin/bash /bin/sh\n"],
        passing: ["FROM debian:12-slim\nSHELL [\"/bin/bash\", \"-c\"]\n", "FROM debian:12-slim\nRUN ln -s /usr/bin/python3 /usr/bin/python\n"])

    func check(_ context: LintContext) -> [Finding] {
        context.allSteps.compactMap { step -> Finding? in
            guard step.script?.commands.contains(where: { $0.program == "ln" && $0.operands.last == "/bin/sh" }) == true else { return nil }
            return context.finding(Self.meta, at: step.instruction.span, "relinking /bin/sh changes the shell for everything; use `SHELL [\"/bin/bash\", \"-c\"]`")
        }
    }
}
