import ContainerImage
import DockerfileSyntax

/// The practice: rebuild when the base image is rebuilt.
struct ImageBaseOutdated: ImageRule {
    static let meta = RuleMeta(
        id: "PI029", name: "image-base-outdated", severity: .warning,
        title: "The image was built on an older release of its base",
        why: """
            Official base images are rebuilt for every security fix while their tags stay the same, so an \
            image built a month ago on `node:20-alpine` carries a month of fixed vulnerabilities until it is \
            rebuilt. With `--online` the base (the manifest's `org.opencontainers.image.base.name`, or the \
            Dockerfile's FROM) is asked for its current layers; when the image does not start with them, \
            a rebuild (with `--pull`) picks up the fixes.
            """,
        triggering: ["== config ==\nBase: pinned-stale docker.io/library/node:20-alpine\n== layer: ADD file:rootfs in / ==\nusr/bin/node (100 bytes)\n",
                     "== Dockerfile ==\nFROM node:20-alpine\nCOPY server.js /app/\n== config ==\nBase: pinned-stale docker.io/library/node:20-alpine\n"
                        + "== layer: ADD file:rootfs in / ==\nusr/bin/node (100 bytes)\n== layer: COPY server.js /app/ # buildkit ==\napp/server.js (20 bytes)\n"],
        passing: ["== config ==\nBase: pinned-current docker.io/library/node:20-alpine\n== layer: ADD file:rootfs in / ==\nusr/bin/node (100 bytes)\n",
                  "== layer: ADD file:rootfs in / ==\nusr/bin/node (100 bytes)\n"])

    func check(_ image: ImageCheckContext) -> [Finding] {
        guard let base = image.imageBase, base.state == .pinnedStale else { return [] }
        var message = "the image was built on an older `\(base.reference)` than the tag points at now"
        if let current = base.current { message += " (\(current)\(base.currentCreated.map { ", created " + $0.prefix(10) } ?? ""))" }
        return [image.configFinding(Self.meta, keyword: "FROM", message + "; rebuild it with `--pull`")]
    }
}
