import DockerfileSyntax

struct BaseImageNewerRelease: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD061", name: "base-image-newer-release", severity: .info,
        title: "Base image has a newer release in its series",
        why: """
            A tag as precise as `node:20.11-alpine` or `python:3.12.1-slim` is never rebuilt past its \
            release: fixes arrive as `20.12`, `20.13`… With `--online` the tag list is read, and the \
            newest tag of the same series (same suffix, same number of components, the same numbers \
            but the last) is named, so the update is one edit away.
            """,
        triggering: ["FROM node:20.11-alpine\n", "FROM python:3.12.1-slim AS build\nFROM build\n"],
        passing: ["FROM node:20.18-alpine\n", "FROM debian:bookworm\n"],
        exampleBaseImages: [
            "node:20.11-alpine": BaseImageStatus(state: .newerRelease, reference: "docker.io/library/node:20.11-alpine", newerTag: "20.18-alpine"),
            "python:3.12.1-slim": BaseImageStatus(state: .newerRelease, reference: "docker.io/library/python:3.12.1-slim", newerTag: "3.12.8-slim"),
            "node:20.18-alpine": BaseImageStatus(state: .unpinned, reference: "docker.io/library/node:20.18-alpine"),
        ])

    func check(_ context: LintContext) -> [Finding] {
        context.graph.stages.compactMap { stage in
            guard let status = context.baseImages[stage.baseName], let newer = status.newerTag else { return nil }
            return context.finding(Self.meta, at: stage.from.arguments.first?.span ?? stage.from.span,
                                   "`\(status.reference)` has a newer release in its series: `\(newer)`")
        }
    }
}
