import DockerfileSyntax

struct CdInRun: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD010", name: "cd-in-run", severity: .warning, aliases: ["DL3003", "DS-0013"],
        title: "RUN uses cd to change directory",
        why: """
            `cd` lasts only until the end of its RUN, so the next instruction silently runs somewhere else, \
            and a reader has to trace shell state to know where files land. WORKDIR changes the directory \
            for every later instruction and documents it.
            """,
        triggering: ["FROM golang:1.23\nRUN cd /src && go build ./...\n", "FROM node:22-slim\nRUN git clone https://x/y.git /app; cd /app; npm ci\n"],
        passing: ["FROM golang:1.23\nWORKDIR /src\nRUN go build ./...\n", "FROM node:22-slim\nRUN (cd /tmp && tar xf a.tgz)\n",
                  "FROM node:22-slim\nRUN make -C /src && echo 'cd /x'\n"],
        differences: [AliasDifference(.subshell, aliases: ["DL3003"],
                                      "a `cd` inside a `( … )` subshell is not flagged (hadolint flags it): the subshell keeps the change local, which is exactly its purpose.")])

    func check(_ context: LintContext) -> [Finding] {
        context.graph.stages.flatMap { stage in
            stage.steps.compactMap { step -> Finding? in
                // `cd` inside a `( … )` subshell is a deliberate, local change of directory.
                guard let script = step.script,
                      let command = script.commands.first(where: { $0.program == "cd" && $0.groupDepth == 0 }) else { return nil }
                let target = command.arguments.first ?? "~"
                return context.finding(Self.meta, at: step.instruction.span, "`cd \(target)` lasts only for this RUN; use `WORKDIR \(target)` instead")
            }
        }
    }
}
