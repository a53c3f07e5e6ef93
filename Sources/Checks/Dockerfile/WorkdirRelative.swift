import DockerfileSyntax

struct WorkdirRelative: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD009", name: "workdir-relative", severity: .error, aliases: ["DL3000", "DS-0009", "CKV_DOCKER_10"],
        title: "WORKDIR is a relative path",
        why: """
            A relative WORKDIR is resolved against whatever the previous WORKDIR was, which for the first \
            one is the base image's: a change of base image silently moves every later COPY and RUN. An \
            absolute path says where files go.
            """,
        triggering: ["FROM node:22-slim\nWORKDIR app\n", "FROM node:22-slim\nWORKDIR /srv\nWORKDIR ./api\n"],
        passing: ["FROM node:22-slim\nWORKDIR /app\n", "FROM node:22-slim\nARG APP_HOME=/app\nWORKDIR $APP_HOME\n",
                  "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app\n"])

    func check(_ context: LintContext) -> [Finding] {
        context.graph.stages.flatMap { stage in
            stage.steps.compactMap { step -> Finding? in
                guard step.instruction.kind == .workdir, let path = step.expanded.first, !path.isEmpty,
                      !Self.isAbsolute(path), !step.instruction.rest.value.hasPrefix("$") else { return nil }
                return context.finding(Self.meta, at: step.instruction.span,
                                       "WORKDIR `\(path)` is relative; use an absolute path such as `/\(path.drop { $0 == "." || $0 == "/" })`")
            }
        }
    }

    /// `/app`, and Windows `C:\app` or `C:/app` and `\app`.
    static func isAbsolute(_ path: String) -> Bool {
        if path.hasPrefix("/") || path.hasPrefix("\\") { return true }
        let characters = Array(path)
        return characters.count >= 2 && characters[0].isLetter && characters[1] == ":"
    }
}
