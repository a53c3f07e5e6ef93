import DockerfileSyntax

/// The practice: clean up in the same layer.
struct AptListsNotRemoved: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD002", name: "apt-lists-not-removed", severity: .warning, aliases: ["DL3009", "DKL-DI-0005"],
        title: "apt lists are left in the layer",
        why: """
            `apt-get update` (or `apt update`) downloads package lists into `/var/lib/apt/lists` (tens of MB). Unless the same \
            RUN deletes them, they are stored in that layer for good: deleting them in a later RUN only hides \
            them, the bytes still ship. Remove them at the end of the RUN that installs, or keep them out of \
            the layer with a cache mount. The fix appends the removal only when no later RUN installs from \
            these lists; where one does, the RUNs must be joined instead.
            """,
        triggering: [
            "FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n",
            "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\n",
            "FROM debian:12-slim\nRUN apt update\nRUN apt install -y curl && rm -rf /var/lib/apt/lists/*\n",
            "FROM debian:12-slim\nRUN apt-get update && rm -rf /var/lib/apt/lists/* && apt-get install -y curl\n",
        ],
        passing: [
            "FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n",
            "FROM debian:12-slim\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n",
            "FROM debian:13-slim\nRUN set -eux; apt-get update; apt-get install -y --no-install-recommends curl; apt-get dist-clean\n",
            "FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM scratch\nCOPY --from=build /bin/true /true\n",
            "FROM debian:12-slim\nRUN <<EOF\napt-get update\napt-get install -y curl\nrm -rf /var/lib/apt/lists/*\nEOF\n",
        ],
        fix: .safe,
        differences: [
            AliasDifference(.aptDistClean, aliases: ["DL3009"], "apt 2.7's `apt-get dist-clean` deletes the lists, so a RUN that ends with it passes (hadolint flags it)."),
            AliasDifference(.buildStage, aliases: ["DL3009"], "build stages whose layers do not make up the image are not flagged (hadolint flags them)."),
        ])

    static let lists = PackageManager.apt.indexDirectory ?? "/var/lib/apt/lists"

    func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for stage in context.graph.stages where stage.shipsLayers {
            for step in stage.steps where step.instruction.kind == .run {
                // `update` downloads the lists; a removal (or apt 2.7's `dist-clean`) after the last
                // apt command that reads them keeps them out, as does a cache or tmpfs mount.
                guard let update = PackageCommands(step)?.leaves(Self.lists) else { continue }
                let message = "`\(update.program) update` leaves its package lists in this layer; end the RUN with `&& rm -rf \(Self.lists)/*`"
                findings.append(context.finding(Self.meta, at: step.instruction.span, message, fix: fix(for: step, in: context)))
            }
        }
        return findings
    }

    /// Appending the removal is safe only when no later RUN installs from these lists: then the
    /// RUNs must be joined (PD001's fix, unsafe), and this rule offers none.
    private func fix(for step: Step, in context: LintContext) -> Fix? {
        guard !LaterIndexReads.needIndex(of: .apt, after: step, in: context.graph) else { return nil }
        return RunTextEdits.append("&& rm -rf \(Self.lists)/*", to: step, context: context)
            .map { Fix(Self.meta, description: "Remove the apt lists in the same RUN", edits: $0) }
    }
}
