import DockerfileSyntax

struct WgetProgressBar: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD031", name: "wget-progress-bar", severity: .info, aliases: ["DL3047"],
        title: "wget prints a progress bar into the build log",
        why: "Without a terminal, wget's progress output becomes thousands of log lines per download, burying the messages that matter. Use `-q`, `-nv` or `--progress=dot:giga`.",
        triggering: ["FROM debian:12-slim\nRUN wget https://example.com/a.tgz\n", "FROM alpine:3.20\nRUN wget -O /tmp/x https://example.com/x\n",
                     "FROM debian:12-slim\nRUN apt-get install -y wget && wget https://example.com/a.tgz\n"],
        passing: ["FROM debian:12-slim\nRUN wget -q https://example.com/a.tgz\n", "FROM debian:12-slim\nRUN wget --progress=dot:giga https://example.com/a.tgz\n"],
        fix: .safe)

    func check(_ context: LintContext) -> [Finding] {
        context.allSteps.compactMap { step -> Finding? in
            guard step.script?.commands.contains(where: { command in
                command.program == "wget" && !command.hasOption("-q") && !command.hasOption("--quiet") && !command.hasOption("-nv")
                    && !command.hasOption("--no-verbose") && !command.hasOption("--progress") && !command.hasOption("-o")
            }) == true else { return nil }
            // Every wget of the RUN gets the switch; on one that is already quiet it changes nothing.
            let fix = RunTextEdits.insert(" --progress=dot:giga", after: ["wget"], asCommand: true, in: step, context: context)
                .map { Fix(Self.meta, description: "Print wget's progress as dots, a line per 32 MiB", edits: $0) }
            return context.finding(Self.meta, at: step.instruction.span, "`wget` without `-q` or `--progress=dot:giga` floods the build log", fix: fix)
        }
    }
}
