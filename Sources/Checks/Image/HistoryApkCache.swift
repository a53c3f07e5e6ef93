import ContainerImage
import DockerfileSyntax

/// dockle's history check: DKL-DI-0004.
struct HistoryApkCache: ImageRule {
    static let meta = RuleMeta(
        id: "PI019", name: "history-apk-cache", severity: .warning, aliases: ["DKL-DI-0004"],
        title: "The history has an `apk add` without `--no-cache`",
        why: """
            Without `--no-cache`, `apk add` stores the package index in `/var/cache/apk` in the layer. \
            `--no-cache` fetches the index to a temporary place and leaves nothing behind.
            """,
        triggering: ["== layer: RUN /bin/sh -c apk update && apk add curl # buildkit ==\nusr/bin/curl (10 bytes)\n"],
        passing: ["== layer: RUN /bin/sh -c apk add --no-cache curl # buildkit ==\nusr/bin/curl (10 bytes)\n"])

    func check(_ image: ImageCheckContext) -> [Finding] {
        image.historyRuns.filter { run in
            run.script.commands.contains { $0.invokes(["apk"], subcommand: ["add"]) && !$0.hasOption("--no-cache") }
        }.map { run in
            image.finding(Self.meta, layer: run.layer, path: nil, "history entry \(run.position) runs `apk add` without `--no-cache`")
        }
    }
}
