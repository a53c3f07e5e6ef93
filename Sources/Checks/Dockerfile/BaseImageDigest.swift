import DockerfileSyntax

struct BaseImageDigest: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD048", name: "base-image-digest", severity: .info,
        title: "Base image not pinned by digest",
        why: """
            A tag can be moved: `node:22.11-slim` is rebuilt for security fixes and can be re-pushed by \
            anyone with access to the repository. Only `@sha256:…` names exact bytes, so a build is \
            reproducible and a compromised tag cannot slip in. Pin by digest and let a bot (Renovate, \
            Dependabot) propose updates. Opt-in, because it trades automatic base updates for review. \
            With `--online` the fix pins the digest the tag points at now (the platform's manifest when \
            the FROM names a platform, else the index), which builds exactly what the tag builds today.
            """,
        triggering: ["FROM node:22.11-slim\n", "FROM golang:1.23 AS build\nFROM gcr.io/distroless/static-debian12\n"],
        passing: ["FROM node:22.11-slim@sha256:4c5b2a0a8d6f5e1e5c0b3a1e1f3a9d7c2b6e8f0a1c3d5e7f9a2b4c6d8e0f1a3b\n",
                  "FROM scratch\n", "FROM alpine@sha256:4c5b2a0a8d6f5e1e5c0b3a1e1f3a9d7c2b6e8f0a1c3d5e7f9a2b4c6d8e0f1a3b AS base\nFROM base\n"],
        fix: .safe, exampleConfiguration: "enable: [base-image-digest]\n",
        exampleBaseImages: [
            "node:22.11-slim": BaseImageStatus(state: .unpinned, reference: "docker.io/library/node:22.11-slim", current: BaseImageStale.current),
            "golang:1.23": BaseImageStatus(state: .unpinned, reference: "docker.io/library/golang:1.23", current: BaseImageStale.current),
            "gcr.io/distroless/static-debian12": BaseImageStatus(state: .unpinned, reference: "gcr.io/distroless/static-debian12:latest",
                                                                 current: BaseImageStale.current),
        ],
        isOptIn: true)

    func check(_ context: LintContext) -> [Finding] {
        context.graph.stages.compactMap { stage in
            guard case .image(let reference) = stage.base, reference.digest == nil else { return nil }
            let argument = stage.from.arguments.first
            guard let current = context.baseImages[stage.baseName]?.current else {
                return context.finding(Self.meta, at: argument?.span ?? stage.from.span,
                                       "`\(stage.baseName)` is not pinned by digest; use `\(stage.baseName)@sha256:<digest>`")
            }
            let fix = context.baseNameEdit(stage, to: stage.baseName + "@" + current)
                .map { Fix(Self.meta, description: "pin the digest the tag points at now", edits: [$0]) }
            return context.finding(Self.meta, at: argument?.span ?? stage.from.span,
                                   "`\(stage.baseName)` is not pinned by digest; it points at \(current) now", fix: fix)
        }
    }
}
