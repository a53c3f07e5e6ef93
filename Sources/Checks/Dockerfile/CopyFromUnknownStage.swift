import DockerfileSyntax

struct CopyFromUnknownStage: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD019", name: "copy-from-unknown-stage", severity: .warning, aliases: ["DL3022"],
        title: "COPY --from names no earlier stage",
        why: """
            `--from` takes the name or index of an *earlier* stage, or an image reference. A plain name \
            that matches no earlier stage is pulled as an image from Docker Hub: usually a typo or a stage \
            defined later, and at worst someone else's image.
            """,
        triggering: ["FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=biuld /out /out\n", "FROM alpine:3.20\nCOPY --from=later /a /a\nFROM alpine:3.20 AS later\n"],
        passing: ["FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=build /out /out\n", "FROM alpine:3.20\nCOPY --from=0 /a /b\n",
                  "FROM alpine:3.20\nCOPY --from=docker.io/library/nginx:1.27 /etc/nginx /etc/nginx\n"])

    func check(_ context: LintContext) -> [Finding] {
        context.graph.stages.flatMap { stage in
            stage.steps.compactMap { step -> Finding? in
                guard step.instruction.kind == .copy, let from = step.expandedFlag(named: "from")?.value, !from.isEmpty,
                      !from.contains(":"), !from.contains("/"), !from.contains("@"), Int(from) == nil,
                      !context.graph.stages[..<stage.index].contains(where: { $0.name == from.lowercased() }),
                      stage.name != from.lowercased() else { return nil }
                return context.finding(Self.meta, at: step.instruction.span,
                                       "`--from=\(from)` matches no earlier stage, so it would be pulled as the image `\(from):latest`")
            }
        }
    }
}
