import ContainerImage
import DockerfileSyntax

/// dockle's history check: CIS-DI-0007.
struct HistoryUpdateAlone: ImageRule {
    static let meta = RuleMeta(
        id: "PI016", name: "history-update-alone", severity: .warning, aliases: ["CIS-DI-0007"],
        title: "The history has a RUN that only refreshes the package index",
        why: """
            A layer that runs `apt-get update` (or `apk update`, `yum makecache`) without installing \
            anything stores an index that the next build may reuse from cache long after it went stale, \
            so later installs get old packages. Update and install in the same RUN.
            """,
        triggering: ["== layer: RUN /bin/sh -c apt-get update # buildkit ==\nvar/lib/apt/lists/x (10 bytes)\n"],
        passing: ["== layer: RUN /bin/sh -c apt-get update && apt-get install -y curl # buildkit ==\nusr/bin/curl (10 bytes)\n"])

    func check(_ image: ImageCheckContext) -> [Finding] {
        image.historyRuns.compactMap { run in
            let commands = run.script.commands
            guard commands.contains(where: {
                $0.invokes(["apt-get", "apt"], subcommand: ["update"]) || $0.invokes(["apk"], subcommand: ["update"])
                    || $0.invokes(["yum", "dnf"], subcommand: ["makecache"])
            }), !commands.contains(where: {
                $0.invokes(["apt-get", "apt", "yum", "dnf", "apk"], subcommand: ["install", "add", "upgrade", "dist-upgrade"])
            }) else { return nil }
            return image.finding(Self.meta, layer: run.layer, path: nil,
                                 "history entry \(run.position) only refreshes the package index; update and install in the same RUN")
        }
    }
}

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
            // `invokes` sees through wrappers such as sudo, so look at the first word itself.
            run.script.commands.contains { $0.words.first?.value.split(separator: "/").last == "sudo" }
        }.map { run in
            image.finding(Self.meta, layer: run.layer, path: nil, "history entry \(run.position) runs sudo; use USER to change users between steps")
        }
    }
}

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
            let commands = run.script.commands
            let lastUse = commands.lastIndex { $0.invokes(["apt-get", "apt"], subcommand: ["update", "install", "upgrade", "dist-upgrade"]) }
            return commands.contains { $0.invokes(["apt-get", "apt"], subcommand: ["update"]) }
                && !run.script.removes(AptListsNotRemoved.lists, after: lastUse ?? -1)
                && !commands.contains { $0.invokes(["apt-get", "apt"], subcommand: ["dist-clean"]) }
        }.map { run in
            image.finding(Self.meta, layer: run.layer, path: nil,
                          "history entry \(run.position) runs `apt-get update` without removing \(AptListsNotRemoved.lists)/* in the same RUN")
        }
    }
}
