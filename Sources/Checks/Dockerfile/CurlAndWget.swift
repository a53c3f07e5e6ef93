import DockerfileSyntax

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
