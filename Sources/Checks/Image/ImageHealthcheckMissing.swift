import ContainerImage
/// The practice: images say how to tell that they work.
struct ImageHealthcheckMissing: ImageRule {
    static let meta = RuleMeta(
        id: "PI013", name: "image-healthcheck-missing", severity: .info, aliases: ["CIS-DI-0006"],
        title: "The image has no HEALTHCHECK",
        why: """
            Without a health check, Docker and Swarm only know whether the process is alive, not whether \
            it answers. Kubernetes ignores HEALTHCHECK (it has probes), so this is informational: add one \
            when the image runs under Docker or Compose. `HEALTHCHECK NONE` says there is none on purpose \
            (a command-line tool, a one-shot job), as dockle reads it.
            """,
        triggering: ["== config ==\nCmd: /app/server\n== layer: ADD file:rootfs in / ==\napp/server (100 bytes)\n"],
        passing: ["== config ==\nHealthcheck: CMD /app/server --check\n== layer: ADD file:rootfs in / ==\napp/server (100 bytes)\n",
                  "== config ==\nHealthcheck: NONE\n== layer: ADD file:rootfs in / ==\nusr/bin/tool (100 bytes)\n"])

    func check(_ image: ImageCheckContext) -> [Finding] {
        let test = image.imageConfiguration.config?.healthcheck?.test ?? []
        guard test.isEmpty else { return [] }
        return [image.configFinding(Self.meta, keyword: "HEALTHCHECK",
                                    "the image has no HEALTHCHECK; add one if it runs under Docker or Compose")]
    }
}
