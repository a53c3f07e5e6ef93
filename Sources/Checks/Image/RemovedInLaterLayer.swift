import ContainerImage
/// The practice: clean up in the same layer.
struct RemovedInLaterLayer: ImageRule {
    static let meta = RuleMeta(
        id: "PI001", name: "removed-in-later-layer", severity: .warning,
        title: "A layer stores files that a later layer deletes",
        why: """
            Deleting files in a later layer hides them but does not shrink the image: the earlier layer still \
            holds every byte, and every pull downloads it. Delete temporary files (package lists, caches, \
            archives, build trees) in the same RUN that creates them, or use a cache mount or a build stage.
            """,
        triggering: [
            """
            == layer: RUN /bin/sh -c apt-get update # buildkit ==
            var/lib/apt/lists/deb_Packages (4000000 bytes)
            == layer: RUN /bin/sh -c rm -rf /var/lib/apt/lists/* # buildkit ==
            var/lib/apt/lists/.wh.deb_Packages
            """,
            """
            == layer: ADD file:rootfs in / ==
            build/obj/a.o (3000000 bytes)
            == layer: RUN /bin/sh -c rm -rf /build # buildkit ==
            build/.wh..wh..opq
            """,
        ],
        passing: [
            """
            == layer: RUN /bin/sh -c apt-get update && rm -rf /var/lib/apt/lists/* # buildkit ==
            usr/bin/curl (300000 bytes)
            """,
            """
            == layer: COPY notes.txt /tmp/ # buildkit ==
            tmp/notes.txt (2000 bytes)
            == layer: RUN /bin/sh -c rm /tmp/notes.txt # buildkit ==
            tmp/.wh.notes.txt
            """,
        ],
        options: [RuleOption(name: "min-kb", defaultValue: 1024, summary: "report a pair of layers when at least this many KiB are deleted")])

    func check(_ image: ImageCheckContext) -> [Finding] {
        let minimum = Int64(image.option("min-kb", of: Self.meta)) * 1024
        return LaterLayerLoss.group(image.tree.removals, overwritten: false).filter { $0.bytes >= minimum }.map { loss in
            image.finding(Self.meta, layer: loss.layer, path: loss.largestPath, """
                \(image.describe(layer: loss.layer)) stores \(ByteSize.format(loss.bytes)) that \(image.describe(layer: loss.hiddenBy)) \
                deletes, so the image still ships them: \(loss.examples); delete them in the layer that creates them
                """)
        }
    }
}
