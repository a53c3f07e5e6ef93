import DockerfileSyntax

struct CopyFromOwnStage: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD018", name: "copy-from-own-stage", severity: .error, aliases: ["DL3023", "DS-0006"],
        title: "COPY --from names the stage it is in",
        why: "A stage cannot copy from itself: the build fails with a dependency cycle. Copy from an earlier stage or use the files already in this one.",
        triggering: ["FROM golang:1.23 AS build\nCOPY --from=build /src /dst\n", "FROM alpine:3.20 AS App\nCOPY --from=app /a /b\n"],
        passing: ["FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=build /src /dst\n", "FROM alpine:3.20 AS app\nCOPY --from=alpine:3.19 /etc/os-release /old\n"])

    func check(_ context: LintContext) -> [Finding] {
        context.graph.stages.flatMap { stage in
            stage.steps.compactMap { step -> Finding? in
                guard step.instruction.kind == .copy, let from = step.expandedFlag(named: "from")?.value, let name = stage.name,
                      from.lowercased() == name else { return nil }
                return context.finding(Self.meta, at: step.instruction.span, "`COPY --from=\(from)` is inside stage `\(name)` itself")
            }
        }
    }
}
