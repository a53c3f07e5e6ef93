import DockerfileSyntax

struct ToolchainFinalBase: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD052", name: "toolchain-final-base", severity: .warning,
        title: "The image is built on a compiler toolchain image",
        why: """
            `golang`, `rust`, `gcc`, `maven` and `gradle` images carry a whole toolchain (hundreds of MB to \
            over a GB) that a compiled program does not need to run. Build in a stage on the toolchain image \
            and copy the result onto `gcr.io/distroless/static`, `scratch`, `alpine` or a JRE image.
            """,
        triggering: ["FROM golang:1.23\nCOPY . /src\nRUN go build -o /app /src\nCMD [\"/app\"]\n", "FROM rust:1-slim\nCMD [\"/usr/local/bin/app\"]\n"],
        passing: ["FROM golang:1.23 AS build\nRUN go build -o /app\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\n",
                  "FROM maven:3-eclipse-temurin-21 AS build\nFROM eclipse-temurin:21-jre\n"])

    static let toolchains: Set<String> = ["golang", "rust", "gcc", "maven", "gradle"]

    func check(_ context: LintContext) -> [Finding] {
        context.graph.stages.filter(\.shipsLayers).compactMap { stage -> Finding? in
            guard case .image(let reference) = stage.base, reference.isOfficial, Self.toolchains.contains(reference.shortName) else { return nil }
            return context.finding(Self.meta, at: stage.from.arguments.first?.span ?? stage.from.span,
                                   "the image ships the `\(reference.shortName)` toolchain; build in a stage and copy the result onto a runtime image (distroless, scratch, alpine)")
        }
    }
}
