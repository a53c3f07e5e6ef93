import ContainerImage
import DockerfileSyntax

/// dockle's history check: DKL-DI-0004.
struct HistoryApkCache: ImageRule {
    static let meta = RuleMeta(
        id: "PI019", name: "history-apk-cache", severity: .warning, aliases: ["DKL-DI-0004"],
        title: "The history has an `apk add` without `--no-cache`",
        why: """
            Without `--no-cache`, `apk add` stores the package index in `/var/cache/apk` in the layer. \
            `--no-cache` fetches the index to a temporary place and leaves nothing behind; deleting \
            `/var/cache/apk` later in the same RUN is equally good.
            """,
        triggering: ["== layer: RUN /bin/sh -c apk update && apk add curl # buildkit ==\nusr/bin/curl (10 bytes)\n"],
        passing: ["== layer: RUN /bin/sh -c apk add --no-cache curl # buildkit ==\nusr/bin/curl (10 bytes)\n",
                  "== layer: RUN /bin/sh -c apk add curl && rm -rf /var/cache/apk/* # buildkit ==\nusr/bin/curl (10 bytes)\n"])

    func check(_ image: ImageCheckContext) -> [Finding] {
        image.historyRuns.filter { run in
            PackageCommands(run.script).leaves(ApkAddWithoutNoCache.cache) != nil
        }.map { run in
            image.finding(Self.meta, layer: run.layer, path: nil, "history entry \(run.position) runs `apk add` without `--no-cache`")
        }
    }
}
