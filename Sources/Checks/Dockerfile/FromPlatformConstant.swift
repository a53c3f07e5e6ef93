import DockerfileSyntax

struct FromPlatformConstant: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD040", name: "from-platform-constant", severity: .warning, aliases: ["DL3029"],
        title: "FROM --platform with a fixed platform",
        why: """
            `FROM --platform=linux/amd64` forces one architecture whatever the build targets: on an arm64 \
            machine the image runs under emulation, and multi-platform builds silently produce amd64 images. \
            Use `--platform=$BUILDPLATFORM` for build stages that cross-compile, and leave the final stage \
            to `docker build --platform`. The fix drops the flag; it is unsafe because the stage then \
            builds for the target platform, which a stage that only runs tools may not support.
            """,
        triggering: ["FROM --platform=linux/amd64 node:22-slim\n", "FROM --platform=linux/arm64 golang:1.23 AS build\n"],
        passing: ["FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n", "FROM node:22-slim\n"],
        fix: .unsafe(because: "the stage is then built for the build's target platform, so a stage that needs that one architecture (a prebuilt binary, a vendor image) changes what it contains"))

    func check(_ context: LintContext) -> [Finding] {
        context.graph.stages.compactMap { stage -> Finding? in
            guard let flag = stage.from.flag(named: "platform"), let value = flag.value, !value.contains("$") else { return nil }
            let bytes = context.source.bytes
            var end = flag.span.end
            while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
            let fix = Fix(Self.meta, description: "Drop --platform", edits: [context.edit(SourceSpan(start: flag.span.start, end: end), "")])
            return context.finding(Self.meta, at: flag.span, "`--platform=\(value)` pins the stage to one architecture; use `$BUILDPLATFORM` or drop it",
                                   fix: fix)
        }
    }
}
