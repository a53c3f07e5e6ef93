import DockerfileSyntax

/// The practice: keep base images updated, on purpose.
struct BaseImageUnpinnedTag: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD006", name: "base-image-unpinned-tag", severity: .warning,
        aliases: ["DL3006", "DL3007", "DS-0001", "CKV_DOCKER_7"],
        title: "Base image without a tag or with `latest`",
        why: """
            `FROM node` and `FROM node:latest` build on whatever the registry serves today: the next build \
            can silently move to a new major version, a different distribution or a larger image. Name the \
            version you tested (`node:22.11-slim`), and update it deliberately.
            """,
        triggering: [
            "FROM ubuntu\nRUN echo\n",
            "FROM node:latest\n",
            "ARG BASE=python\nFROM ${BASE}\n",
        ],
        passing: [
            "FROM ubuntu:24.04\n",
            "FROM node@sha256:4c5b2a0a8d6f5e1e5c0b3a1e1f3a9d7c2b6e8f0a1c3d5e7f9a2b4c6d8e0f1a3b\n",
            "FROM golang:1.23 AS build\nFROM build\n",
            "FROM scratch\n",
        ])

    func check(_ context: LintContext) -> [Finding] {
        context.graph.stages.compactMap { stage in
            guard case .image(let reference) = stage.base, reference.digest == nil,
                  reference.tag == nil || reference.tag == "latest" else { return nil }
            let problem = reference.tag == nil ? "has no tag, so it means `latest`" : "uses the `latest` tag"
            let span = stage.from.arguments.first?.span ?? stage.from.span
            return context.finding(Self.meta, at: span, "base image `\(stage.baseName)` \(problem); pin the version you tested, e.g. `\(reference.untaggedName):<version>`")
        }
    }
}
