import DockerfileSyntax

struct SudoInRun: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD011", name: "sudo-in-run", severity: .error, aliases: ["DL3004", "DS-0010", "CKV2_DOCKER_1"],
        title: "RUN uses sudo",
        why: """
            Build steps already run as the current USER; `sudo` adds a setuid binary and a sudoers setup to \
            the image, has unpredictable TTY and signal behaviour, and is a standing privilege-escalation \
            path at run time. Switch with `USER root` for the steps that need it and back to an \
            unprivileged user after them.
            """,
        triggering: ["FROM ubuntu:24.04\nUSER app\nRUN sudo apt-get update\n", "FROM ubuntu:24.04\nRUN echo a && sudo -E make install\n"],
        passing: ["FROM ubuntu:24.04\nUSER root\nRUN apt-get update\nUSER app\n", "FROM ubuntu:24.04\nRUN echo sudo is not run here\n"])

    func check(_ context: LintContext) -> [Finding] {
        context.graph.stages.flatMap { stage in
            stage.steps.compactMap { step -> Finding? in
                guard let script = step.script,
                      script.commands.contains(where: { $0.runsUnderSudo }) else { return nil }
                return context.finding(Self.meta, at: step.instruction.span,
                                       "RUN uses sudo; use `USER root` before this step and `USER <app user>` after it instead")
            }
        }
    }
}
