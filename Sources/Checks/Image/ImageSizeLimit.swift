import ContainerImage
/// A size budget for the whole image.
struct ImageSizeLimit: ImageRule {
    static let meta = RuleMeta(
        id: "PI007", name: "image-size-limit", severity: .warning,
        title: "The image is larger than the configured limit",
        why: """
            A size budget (`--max-size` or `max-size-mb`) catches a heavier base image, a forgotten cache \
            or an accidental COPY before it ships. The size is the uncompressed content of all layers, what \
            a node stores after pulling. Off until a limit is configured.
            """,
        triggering: [
            """
            == layer: ADD file:rootfs in / ==
            usr/lib/libbig.so (3000000 bytes)
            """,
        ],
        passing: [
            """
            == layer: ADD file:rootfs in / ==
            usr/lib/libsmall.so (300000 bytes)
            """,
        ],
        options: [RuleOption(name: "max-size-mb", defaultValue: 0, summary: "the largest image size allowed in MiB; 0 turns the rule off")],
        exampleConfiguration: "rules:\n  image-size-limit:\n    max-size-mb: 2\n")

    func check(_ image: ImageCheckContext) -> [Finding] {
        let limit = Int64(image.option("max-size-mb", of: Self.meta)) << 20
        let size = image.space.totalBytes
        guard limit > 0, size > limit else { return [] }
        return [image.finding(Self.meta, layer: nil, path: nil,
                              "the image's layers hold \(ByteSize.format(size)), above the limit of \(ByteSize.format(limit))")]
    }
}
