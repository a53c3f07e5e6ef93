import DockerfileSyntax

/// The practice: build only on images from registries the team trusts.
struct UntrustedRegistry: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD007", name: "untrusted-registry", severity: .error, aliases: ["DL3026"],
        title: "Image from a registry outside `trusted-registries`",
        why: """
            When `.plimsoll.yaml` lists `trusted-registries`, every base image and every image used by \
            `COPY --from` must come from one of them, so that what enters the build has passed the team's \
            mirror, scanning and retention policies. Docker Hub is `docker.io`.
            """,
        triggering: ["FROM quay.io/team/app:1.0\n", "FROM docker.io/library/alpine:3.20\nCOPY --from=ghcr.io/org/tool:1 /tool /tool\n"],
        passing: ["FROM alpine:3.20\n", "FROM registry.example.com/base/debian:12\nFROM scratch\n"],
        exampleConfiguration: "trusted-registries: [docker.io, registry.example.com]\n")

    func check(_ context: LintContext) -> [Finding] {
        let trusted = Set(context.configuration.trustedRegistries.map { $0.lowercased() })
        guard !trusted.isEmpty else { return [] }
        func untrusted(_ base: StageBase) -> ImageReference? {
            guard case .image(let reference) = base, !trusted.contains(reference.registry.lowercased()) else { return nil }
            if reference.registry == ImageReference.defaultRegistry, trusted.contains("hub.docker.com") { return nil }
            return reference
        }
        var findings: [Finding] = []
        for stage in context.graph.stages {
            if let reference = untrusted(stage.base) {
                findings.append(context.finding(Self.meta, at: stage.from.span,
                                                "base image `\(stage.baseName)` comes from `\(reference.registry)`, which is not in trusted-registries"))
            }
            for step in stage.steps {
                guard let from = step.expandedFlag(named: "from")?.value, context.graph.stageIndex(named: from) == nil,
                      let reference = ImageReference(from).flatMap({ untrusted(.image($0)) }) else { continue }
                findings.append(context.finding(Self.meta, at: step.instruction.span,
                                                "`--from=\(from)` pulls from `\(reference.registry)`, which is not in trusted-registries"))
            }
        }
        return findings
    }
}
