import ContainerImage
import DockerfileSyntax

/// dockle's history check: DKL-DI-0001.
struct HistorySudo: ImageRule {
    static let meta = RuleMeta(
        id: "PI017", name: "history-sudo", severity: .warning, aliases: ["DKL-DI-0001"],
        title: "The history has a RUN that uses sudo",
        why: """
            Build steps run as the `USER` in effect; `sudo` in a RUN means the image installs and \
            configures sudo, which leaves a privilege-escalation path in the final image. Switch users \
            with `USER` between steps instead.
            """,
        triggering: ["== layer: RUN /bin/sh -c sudo apt-get install -y curl # buildkit ==\nusr/bin/curl (10 bytes)\n"],
        passing: ["== layer: RUN /bin/sh -c apt-get install -y curl # buildkit ==\nusr/bin/curl (10 bytes)\n"])

    func check(_ image: ImageCheckContext) -> [Finding] {
        image.historyRuns.filter { run in
            run.script.commands.contains { $0.runsUnderSudo }
        }.map { run in
            image.finding(Self.meta, layer: run.layer, path: nil, "history entry \(run.position) runs sudo; use USER to change users between steps")
        }
    }
}
