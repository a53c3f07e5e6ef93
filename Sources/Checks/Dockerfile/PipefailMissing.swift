import DockerfileSyntax

struct PipefailMissing: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD025", name: "pipefail-missing", severity: .warning, aliases: ["DL4006"],
        title: "RUN with a pipe but without pipefail",
        why: """
            A pipeline's exit status is that of its last command, so `curl … | tar x` succeeds when the \
            download fails, and the build goes on with an empty or truncated result. Start the RUN with \
            `set -o pipefail &&`, or set `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` once. (Alpine's \
            `/bin/sh` is BusyBox ash, which supports pipefail too.)
            """,
        triggering: ["FROM debian:12-slim\nRUN curl -fsSL https://example.com/key | gpg --dearmor > /k.gpg\n",
                     "FROM alpine:3.20\nRUN wget -qO- https://example.com/a.tgz | tar xz -C /opt\n"],
        passing: ["FROM debian:12-slim\nRUN set -o pipefail && curl -fsSL https://example.com/key | gpg --dearmor > /k.gpg\n",
                  "FROM debian:12-slim\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsSL https://example.com/key | gpg --dearmor > /k.gpg\n",
                  "FROM debian:12-slim\nRUN echo a || echo b\n"])

    func check(_ context: LintContext) -> [Finding] {
        context.allSteps.compactMap { step -> Finding? in
            guard let script = step.script, script.hasPipes, !script.enablesPipefailBeforePipes,
                  !step.shell.contains("pipefail"), step.instruction.isJSONForm == false else { return nil }
            return context.finding(Self.meta, at: step.instruction.span,
                                   "a failing command before `|` does not fail this RUN; start it with `set -o pipefail &&`")
        }
    }
}
