import DockerfileSyntax

struct PipefailMissing: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD025", name: "pipefail-missing", severity: .warning, aliases: ["DL4006"],
        title: "RUN with a pipe but without pipefail",
        why: """
            A pipeline's exit status is that of its last command, so `curl … | tar x` succeeds when the \
            download fails, and the build goes on with an empty or truncated result. Where the shell knows \
            pipefail (bash, and BusyBox ash on Alpine), start the RUN with `set -o pipefail &&`. Debian's \
            and Ubuntu's `/bin/sh` is dash, which has no pipefail (`set -o pipefail` fails the build): there, \
            set `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before the RUN. The fix is unsafe: a build \
            that passed by ignoring a failed download now fails, and SHELL also changes later RUNs.
            """,
        triggering: ["FROM debian:12-slim\nRUN curl -fsSL https://example.com/key | gpg --dearmor > /k.gpg\nRUN ls | wc -l\n",
                     "FROM alpine:3.20\nRUN wget -qO- https://example.com/a.tgz | tar xz -C /opt\n",
                     "FROM debian:12-slim\nSHELL [\"/bin/bash\", \"-c\"]\nRUN curl -fsSL https://example.com/a.tgz | tar xz\n"],
        passing: ["FROM alpine:3.20\nRUN set -o pipefail && wget -qO- https://example.com/a.tgz | tar xz -C /opt\n",
                  "FROM debian:12-slim\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsSL https://example.com/key | gpg --dearmor > /k.gpg\n",
                  "FROM debian:12-slim\nRUN echo a || echo b\n"],
        fix: .unsafe(because: "a pipeline whose first command fails (a grep that matches nothing, a download that ends early) now fails the build where it passed before"))

    static let bashWithPipefail = #"SHELL ["/bin/bash", "-o", "pipefail", "-c"]"#

    func check(_ context: LintContext) -> [Finding] {
        context.graph.stages.flatMap { stage in
            var shellSet = false
            return stage.steps.compactMap { step -> Finding? in
                guard let script = step.script, script.hasPipes, !script.enablesPipefailBeforePipes,
                      !step.shell.contains("pipefail"), step.instruction.isJSONForm == false,
                      case .shell(let line) = step.instruction.body else { return nil }
                if step.shell.first?.hasSuffix("bash") == true || UserMissing.isAlpine(stage, in: context.graph) {
                    let fix = Fix(Self.meta, description: "Start the RUN with set -o pipefail",
                                  edits: [context.edit(SourceSpan(start: line.span.start, end: line.span.start), "set -o pipefail && ")])
                    return context.finding(Self.meta, at: step.instruction.span,
                                           "a failing command before `|` does not fail this RUN; start it with `set -o pipefail &&`", fix: fix)
                }
                // One SHELL line covers every later RUN of the stage.
                let start = step.instruction.span.start
                let fix = shellSet ? nil : Fix(Self.meta, description: "Run the stage's RUNs with bash -o pipefail",
                                               edits: [context.edit(SourceSpan(start: start, end: start), Self.bashWithPipefail + "\n")])
                shellSet = true
                return context.finding(Self.meta, at: step.instruction.span,
                                       "a failing command before `|` does not fail this RUN; /bin/sh may be dash, which has no pipefail, so put `\(Self.bashWithPipefail)` before it",
                                       fix: fix)
            }
        }
    }
}
