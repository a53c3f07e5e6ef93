import ContainerImage
import DockerfileSyntax

/// dockle's history check: CIS-DI-0009.
struct HistoryAddInsteadOfCopy: ImageRule {
    static let meta = RuleMeta(
        id: "PI018", name: "history-add-instead-of-copy", severity: .info, aliases: ["CIS-DI-0009"],
        title: "The history has an ADD where COPY would do",
        why: """
            ADD also fetches URLs and unpacks archives, so what lands in the layer depends on the source's \
            type; COPY copies exactly what it names. The base image's own root-filesystem ADD is exempt.
            """,
        triggering: [
            "== layer: ADD file:rootfs in / ==\nusr/bin/env (10 bytes)\n== layer: ADD app.py /app/ # buildkit ==\napp/app.py (10 bytes)\n",
        ],
        passing: [
            "== layer: ADD file:rootfs in / ==\nusr/bin/env (10 bytes)\n== layer: COPY app.py /app/ # buildkit ==\napp/app.py (10 bytes)\n",
        ])

    func check(_ image: ImageCheckContext) -> [Finding] {
        image.history.entries.enumerated().compactMap { position, entry in
            let command = HistoryCommand(createdBy: entry.createdBy ?? "")
            let layer = image.history.layer(ofEntry: position)
            let isBaseRootfs = layer == 0 || (layer.map { image.origins.indices.contains($0) && image.origins[$0].fromBaseImage } ?? false)
            guard command.keyword == "ADD", !isBaseRootfs else { return nil }
            return image.finding(Self.meta, layer: layer, path: nil,
                                 "history entry \(position) is `ADD \(command.text)`; use COPY unless the source must be fetched or unpacked")
        }
    }
}
