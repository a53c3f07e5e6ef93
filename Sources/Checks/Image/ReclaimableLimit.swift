import ContainerImage
/// dive's `highestWastedBytes` CI rule, measured exactly.
struct ReclaimableLimit: ImageRule {
    static let meta = RuleMeta(
        id: "PI006", name: "reclaimable-limit", severity: .warning,
        title: "More reclaimable bytes than the configured limit",
        why: """
            A budget for wasted space keeps images from regressing: once set (`--max-reclaimable` or \
            `max-reclaimable-mb`), any image whose layers store more than that many bytes that the final \
            filesystem does not show fails the check. Off until a limit is configured.
            """,
        triggering: [
            """
            == layer: RUN /bin/sh -c curl -o /tmp/sdk.tgz https://example.com/sdk.tgz # buildkit ==
            tmp/sdk.tgz (3000000 bytes)
            == layer: RUN /bin/sh -c rm /tmp/sdk.tgz # buildkit ==
            tmp/.wh.sdk.tgz
            """,
        ],
        passing: [
            """
            == layer: RUN /bin/sh -c curl -o /tmp/sdk.tgz https://example.com/sdk.tgz && rm /tmp/sdk.tgz # buildkit ==
            usr/bin/sdk (1000000 bytes)
            """,
        ],
        options: [RuleOption(name: "max-reclaimable-mb", defaultValue: 0, summary: "the most reclaimable MiB allowed; 0 turns the rule off")],
        exampleConfiguration: "rules:\n  reclaimable-limit:\n    max-reclaimable-mb: 2\n")

    func check(_ image: ImageCheckContext) -> [Finding] {
        let limit = Int64(image.option("max-reclaimable-mb", of: Self.meta)) << 20
        let reclaimable = image.space.reclaimableBytes
        guard limit > 0, reclaimable > limit else { return [] }
        return [image.finding(Self.meta, layer: nil, path: nil,
                              "\(ByteSize.format(reclaimable)) is reclaimable, above the limit of \(ByteSize.format(limit))")]
    }
}
