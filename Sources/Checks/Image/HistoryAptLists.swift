import ContainerImage
import DockerfileSyntax

/// dockle's history check: DKL-DI-0005.
struct HistoryAptLists: ImageRule {
    static let meta = RuleMeta(
        id: "PI020", name: "history-apt-lists-kept", severity: .warning, aliases: ["DKL-DI-0005"],
        title: "The history has an `apt-get update` whose lists stay in the layer",
        why: """
            `apt-get update` writes tens of megabytes of package lists; unless the same RUN removes \
            `/var/lib/apt/lists/*`, they are stored in that layer for good. PI001 and PI003 measure what \
            it cost this image.
            """,
        triggering: ["== layer: RUN /bin/sh -c apt-get update && apt-get install -y curl # buildkit ==\nusr/bin/curl (10 bytes)\n"],
        passing: [
            "== layer: RUN /bin/sh -c apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/* # buildkit ==\nusr/bin/curl (10 bytes)\n",
        ])

    func check(_ image: ImageCheckContext) -> [Finding] {
        image.historyRuns.filter { run in
            PackageCommands(run.script).leaves(AptListsNotRemoved.lists) != nil
        }.map { run in
            image.finding(Self.meta, layer: run.layer, path: nil,
                          "history entry \(run.position) runs `apt-get update` without removing \(AptListsNotRemoved.lists)/* in the same RUN")
        }
    }
}
