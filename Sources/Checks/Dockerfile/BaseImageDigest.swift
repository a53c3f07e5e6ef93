import DockerfileSyntax

struct BaseImageDigest: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD048", name: "base-image-digest", severity: .info,
        title: "Base image not pinned by digest",
        why: """
            A tag can be moved: `node:22.11-slim` is rebuilt for security fixes and can be re-pushed by \
            anyone with access to the repository. Only `@sha256:…` names exact bytes, so a build is \
            reproducible and a compromised tag cannot slip in. Pin by digest and let a bot (Renovate, \
            Dependabot) propose updates. Opt-in, because it trades automatic base updates for review.
            """,
        triggering: ["FROM node:22.11-slim\n", "FROM golang:1.23 AS build\nFROM gcr.io/distroless/static-debian12\n"],
        passing: ["FROM node:22.11-slim@sha256:4c5b2a0a8d6f5e1e5c0b3a1e1f3a9d7c2b6e8f0a1c3d5e7f9a2b4c6d8e0f1a3b\n",
                  "FROM scratch\n", "FROM alpine@sha256:4c5b2a0a8d6f5e1e5c0b3a1e1f3a9d7c2b6e8f0a1c3d5e7f9a2b4c6d8e0f1a3b AS base\nFROM base\n"],
        exampleConfiguration: "enable: [base-image-digest]\n", isOptIn: true)

    func check(_ context: LintContext) -> [Finding] {
        context.graph.stages.compactMap { stage in
            guard case .image(let reference) = stage.base, reference.digest == nil else { return nil }
            let span = stage.from.arguments.first?.span ?? stage.from.span
            return context.finding(Self.meta, at: span, "`\(stage.baseName)` is not pinned by digest; use `\(stage.baseName)@sha256:<digest>`")
        }
    }
}
