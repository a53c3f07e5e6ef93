import ContainerImage
/// The practice: fewer, cleaner layers.
struct OverwrittenInLaterLayer: ImageRule {
    static let meta = RuleMeta(
        id: "PI002", name: "overwritten-in-later-layer", severity: .warning,
        title: "A layer stores files that a later layer overwrites",
        why: """
            When a later layer writes a file again (a second COPY of the same tree, a rebuilt binary, a \
            chmod or chown that rewrites large files), the old copy stays in its layer and is shipped with \
            the image. Write each file once: COPY with `--chmod`/`--chown`, build in a stage and copy the result. \
            Package managers' own bookkeeping (dpkg's and rpm's databases, debconf, apk's installed list, \
            their logs, ld.so.cache) is rewritten by every install and cannot be written once, so it is left out.
            """,
        triggering: [
            """
            == layer: COPY app /srv/app # buildkit ==
            srv/app/bundle.js (2500000 bytes)
            == layer: RUN /bin/sh -c chmod 644 /srv/app/bundle.js # buildkit ==
            srv/app/bundle.js (2500000 bytes)
            """,
        ],
        passing: [
            """
            == layer: ADD file:rootfs in / ==
            var/lib/dpkg/status (1500000 bytes)
            var/cache/debconf/templates.dat (1500000 bytes)
            == layer: RUN /bin/sh -c apt-get update && apt-get install -y curl # buildkit ==
            var/lib/dpkg/status (1600000 bytes)
            var/cache/debconf/templates.dat (1500000 bytes)
            """,
            """
            == layer: COPY --chmod=644 app /srv/app # buildkit ==
            srv/app/bundle.js (2500000 bytes)
            """,
            """
            == layer: COPY app /srv/app # buildkit ==
            srv/app/config.json (300 bytes)
            == layer: RUN /bin/sh -c sed -i s/a/b/ /srv/app/config.json # buildkit ==
            srv/app/config.json (300 bytes)
            """,
        ],
        options: [RuleOption(name: "min-kb", defaultValue: 1024, summary: "report a pair of layers when at least this many KiB are overwritten")])

    func check(_ image: ImageCheckContext) -> [Finding] {
        let minimum = Int64(image.option("min-kb", of: Self.meta)) * 1024
        let removals = image.tree.removals.filter { removal in !Self.isBookkeeping(removal.path) }
        return LaterLayerLoss.group(removals, overwritten: true).filter { $0.bytes >= minimum }.map { loss in
            image.finding(Self.meta, layer: loss.layer, path: loss.largestPath, """
                \(image.describe(layer: loss.layer)) stores \(ByteSize.format(loss.bytes)) that \(image.describe(layer: loss.hiddenBy)) \
                writes again, so both copies ship: \(loss.examples); write each file once
                """)
        }
    }

    /// Files every package install rewrites: no Dockerfile can write them once.
    static let bookkeeping = ["var/lib/dpkg/", "var/cache/debconf/", "var/lib/apt/", "var/log/", "var/lib/rpm/", "usr/lib/sysimage/rpm/",
                              "var/lib/dnf/", "var/lib/yum/", "var/cache/ldconfig/", "lib/apk/db/", "etc/ld.so.cache"]

    static func isBookkeeping(_ path: String) -> Bool {
        let relative = path.hasPrefix("/") ? String(path.dropFirst()) : path
        return bookkeeping.contains { relative.hasPrefix($0) }
    }
}
