import DockerfileSyntax

struct BaseImageUnresolvable: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD062", name: "base-image-unresolvable", severity: .info,
        title: "Base image freshness could not be checked",
        why: """
            With `--online` every base image's registry is asked what its tag points at. When it cannot \
            answer (no such repository, no credentials, a name built from an ARG without a default, no \
            network) the freshness of that base is unknown, and this says why instead of staying silent.
            """,
        triggering: ["FROM registry.example.com/team/base:1\n", "ARG BASE\nFROM ${BASE}\n"],
        passing: ["FROM node:20-alpine\n", "FROM scratch\n"],
        exampleBaseImages: [
            "registry.example.com/team/base:1": BaseImageStatus(state: .unresolvable, reference: "registry.example.com/team/base:1",
                                                                reason: "registry.example.com needs credentials"),
            "": BaseImageStatus(state: .unresolvable, reference: "", reason: "the name comes from an ARG with no value"),
        ])

    func check(_ context: LintContext) -> [Finding] {
        context.graph.stages.compactMap { stage in
            guard let status = context.baseImages[stage.baseName], status.state == .unresolvable else { return nil }
            let name = stage.baseName.isEmpty ? stage.from.arguments.first?.value ?? "" : stage.baseName
            return context.finding(Self.meta, at: stage.from.arguments.first?.span ?? stage.from.span,
                                   "how fresh `\(name)` is could not be checked: \(status.reason ?? "the registry did not answer")")
        }
    }
}
