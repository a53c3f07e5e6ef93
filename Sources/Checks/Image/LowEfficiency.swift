import ContainerImage

/// dive's `lowestEfficiency` CI rule, measured exactly.
struct LowEfficiency: ImageRule {
    static let meta = RuleMeta(
        id: "PI005", name: "low-efficiency", severity: .warning,
        title: "Much of what the layers store is not in the final filesystem",
        why: """
            Efficiency is the share of the bytes stored in all layers that the running container can \
            still see. Bytes that a later layer deletes or overwrites are downloaded and stored for \
            nothing. Plimsoll counts them exactly (each file once, deleted directories and opaque \
            whiteouts included); dive's own figure is shown for comparison. The rules that name the \
            layers and paths responsible are PI001 and PI002.
            """,
        triggering: [
            """
            == layer: RUN /bin/sh -c make # buildkit ==
            build/out.o (3000000 bytes)
            usr/bin/app (1000000 bytes)
            == layer: RUN /bin/sh -c rm -rf /build # buildkit ==
            .wh.build
            """,
        ],
        passing: [
            """
            == layer: RUN /bin/sh -c make && rm -rf /build # buildkit ==
            usr/bin/app (1000000 bytes)
            """,
        ],
        options: [RuleOption(name: "min-efficiency-percent", defaultValue: 90,
                             summary: "report images whose efficiency is below this percentage (`--min-efficiency`)")])

    func check(_ image: ImageCheckContext) -> [Finding] {
        let minimum = Double(image.option("min-efficiency-percent", of: Self.meta)) / 100
        let space = image.space
        guard space.efficiency < minimum else { return [] }
        return [image.finding(Self.meta, layer: nil, path: nil, """
            efficiency is \(Percent.format(space.efficiency)) (below \(Percent.format(minimum))): the layers store \
            \(ByteSize.format(space.totalBytes)) but the final filesystem shows \(ByteSize.format(space.visibleBytes)); \
            \(ByteSize.format(space.reclaimableBytes)) can be reclaimed (dive reports efficiency \(Percent.format(space.dive.efficiency)))
            """)]
    }
}
