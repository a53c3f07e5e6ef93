/// The practice: clean up in the same layer.
struct CacheLeftInImage: ImageRule {
    static let meta = RuleMeta(
        id: "PI003", name: "cache-left-in-image", severity: .warning,
        title: "Package-manager or build caches are left in the image",
        why: """
            Package lists, downloaded archives and language caches (pip, npm, yarn, Go, Cargo, Maven) are \
            only needed while building. Left in the final filesystem they add megabytes to every pull and \
            can leak what was installed from where. Remove them in the RUN that creates them, use the \
            tool's no-cache option, or keep them in a `--mount=type=cache` mount.
            """,
        triggering: [
            """
            == layer: RUN /bin/sh -c apt-get update && apt-get install -y curl # buildkit ==
            usr/bin/curl (300000 bytes)
            var/lib/apt/lists/deb_Packages (4000000 bytes)
            """,
            """
            == layer: RUN /bin/sh -c pip install flask # buildkit ==
            root/.cache/pip/http/ab/cd (50000 bytes)
            """,
        ],
        passing: [
            """
            == layer: RUN /bin/sh -c apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/* # buildkit ==
            usr/bin/curl (300000 bytes)
            var/lib/apt/lists/
            var/lib/apt/lists/lock (0 bytes)
            """,
        ])

    func check(_ image: ImageCheckContext) -> [Finding] {
        image.cacheTallies.filter { $0.bytes > 0 }.map { tally in
            image.finding(Self.meta, layer: tally.mainLayer, path: tally.location.pattern, """
                the image ships \(ByteSize.format(tally.bytes)) of \(tally.location.label) in /\(tally.location.pattern) \
                (\(tally.files) files\(tally.mainLayer.map { ", mostly from \(image.describe(layer: $0))" } ?? "")); \(tally.location.remedy)
                """)
        }
    }
}
