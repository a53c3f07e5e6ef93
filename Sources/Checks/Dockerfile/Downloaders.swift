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
                .map { Fix(description: "Print wget's progress as dots, a line per 32 MiB", safety: .safe, edits: $0) }
            return context.finding(Self.meta, at: step.instruction.span, "`wget` without `-q` or `--progress=dot:giga` floods the build log", fix: fix)
        }
    }
}

struct CurlAndWget: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD032", name: "curl-and-wget", severity: .warning, aliases: ["DL4001", "DS-0014"],
        title: "Both curl and wget are used",
        why: "Each downloader is a separate package with its own dependencies; an image that uses both carries two where one does. Pick one (or use ADD --checksum for plain downloads).",
        triggering: ["FROM debian:12-slim\nRUN curl -fsSLO https://example.com/a\nRUN wget -q https://example.com/b\n",
                     "FROM alpine:3.20\nRUN wget -q https://x/a && curl -fsS https://x/b\n"],
        passing: ["FROM debian:12-slim\nRUN curl -fsSLO https://example.com/a && curl -fsSLO https://example.com/b\n",
                  "FROM debian:12 AS fetch\nRUN wget -q https://x/a\nFROM debian:12-slim\nRUN curl -fsS https://x/b\n"])

    func check(_ context: LintContext) -> [Finding] {
        let steps = context.layerSteps
        func uses(_ program: String) -> Step? { steps.first { $0.script?.commands.contains { $0.program == program } ?? false } }
        guard let curl = uses("curl"), let wget = uses("wget") else { return [] }
        let later = curl.instruction.startLine > wget.instruction.startLine ? curl : wget
        let earlier = later.instruction.startLine == curl.instruction.startLine ? wget : curl
        return [context.finding(Self.meta, at: later.instruction.span,
                                "this image uses both curl and wget (line \(earlier.instruction.startLine)); use one of them")]
    }
}
