import DockerfileSyntax

struct SmallerBaseVariant: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD051", name: "smaller-base-variant", severity: .info,
        title: "The base image has a smaller variant of the same version",
        why: """
            Official images publish each version in a full variant (a complete Debian with compilers and \
            headers, often 1 GB) and in `-slim` or `-alpine` variants of a tenth of the size. An image that \
            only runs the application rarely needs the full one, and every extra package is more to pull, \
            store and patch. The variants are read from docker-library's own tag manifests; build stages \
            whose layers do not reach the image are not flagged.
            """,
        triggering: ["FROM python:3.12\nCOPY app.py /app/\n", "FROM node:22-bookworm\n", "FROM debian:bookworm\n"],
        passing: ["FROM python:3.12-slim\n", "FROM node:22 AS build\nRUN npm ci\nFROM node:22-slim\nCOPY --from=build /app /app\n",
                  "FROM ubuntu:24.04\n"])

    func check(_ context: LintContext) -> [Finding] {
        context.graph.stages.filter(\.shipsLayers).compactMap { stage -> Finding? in
            guard case .image(let reference) = stage.base, reference.isOfficial, let tag = reference.tag,
                  let smaller = OfficialImageVariants.smaller(image: reference.shortName, tag: tag) else { return nil }
            let options = smaller.map { "`\(reference.shortName):\($0)`" }.joined(separator: " or ")
            return context.finding(Self.meta, at: stage.from.arguments.first?.span ?? stage.from.span,
                                   "`\(reference.shortName):\(tag)` is the full variant; \(options) is the same version at a fraction of the size")
        }
    }
}
