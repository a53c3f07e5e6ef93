import ContainerImage
import DockerfileSyntax

/// dockle's history check: CIS-DI-0007.
struct HistoryUpdateAlone: ImageRule {
    static let meta = RuleMeta(
        id: "PI016", name: "history-update-alone", severity: .warning, aliases: ["CIS-DI-0007"],
        title: "The history has a RUN that only refreshes the package index",
        why: """
            A layer that runs `apt-get update` (or `apk update`, `dnf`, `yum` or `microdnf makecache`, \
            `zypper refresh`) without installing anything with that manager stores an index that the next build may reuse from cache long after it went stale, \
            so later installs get old packages. Update and install in the same RUN.
            """,
        triggering: ["== layer: RUN /bin/sh -c apt-get update # buildkit ==\nvar/lib/apt/lists/x (10 bytes)\n"],
        passing: ["== layer: RUN /bin/sh -c apt-get update && apt-get install -y curl # buildkit ==\nusr/bin/curl (10 bytes)\n"])

    func check(_ image: ImageCheckContext) -> [Finding] {
        image.historyRuns.compactMap { run in
            guard !PackageCommands(run.script).refreshesWithoutInstalling.isEmpty else { return nil }
            return image.finding(Self.meta, layer: run.layer, path: nil,
                                 "history entry \(run.position) only refreshes the package index; update and install in the same RUN")
        }
    }
}
