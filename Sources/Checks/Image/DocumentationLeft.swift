/// The practice: small base images.
struct DocumentationLeft: ImageRule {
    static let meta = RuleMeta(
        id: "PI009", name: "documentation-left", severity: .info,
        title: "Documentation and manual pages take space in the image",
        why: """
            Containers are not read by people: `/usr/share/doc`, `/usr/share/man` and `/usr/share/info` are \
            dead weight. Slim and distroless bases leave them out; on Debian-based images a dpkg \
            `path-exclude` rule stops packages from installing them.
            """,
        triggering: [
            """
            == layer: ADD file:rootfs in / ==
            usr/share/doc/bash/README (2000000 bytes)
            usr/share/man/man1/bash.1.gz (900000 bytes)
            """,
        ],
        passing: [
            """
            == layer: ADD file:rootfs in / ==
            usr/share/doc/bash/copyright (20000 bytes)
            """,
        ],
        options: [RuleOption(name: "min-kb", defaultValue: 1024, summary: "report documentation of at least this many KiB in total")])

    func check(_ image: ImageCheckContext) -> [Finding] {
        let tallies = LeftoverLocation.tally(LeftoverLocation.documentation, in: image.files)
        let total = tallies.reduce(Int64(0)) { $0 + $1.bytes }
        guard total >= Int64(image.option("min-kb", of: Self.meta)) * 1024, let largest = tallies.max(by: { $0.bytes < $1.bytes }) else { return [] }
        let parts = tallies.map { "/\($0.location.pattern) \(ByteSize.format($0.bytes))" }.joined(separator: ", ")
        return [image.finding(Self.meta, layer: largest.mainLayer, path: largest.location.pattern,
                              "the image ships \(ByteSize.format(total)) of documentation (\(parts)); \(largest.location.remedy)")]
    }
}
