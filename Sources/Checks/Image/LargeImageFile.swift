/// The practice: small images.
struct LargeImageFile: ImageRule {
    static let meta = RuleMeta(
        id: "PI004", name: "large-image-file", severity: .info,
        title: "A very large file is in the image",
        why: """
            A single large file (a database dump, a model, an archive, a debug build, a core dump) often \
            dominates an image's size. Check that the image needs it; download or mount data at run time, \
            strip binaries, and keep archives out of the final stage.
            """,
        triggering: [
            """
            == layer: COPY . /srv # buildkit ==
            srv/backup.sql (60000000 bytes)
            """,
        ],
        passing: [
            """
            == layer: COPY . /srv # buildkit ==
            srv/app.js (400000 bytes)
            """,
        ],
        options: [RuleOption(name: "max-file-mb", defaultValue: 50, summary: "files above this size (MiB) are reported")])

    func check(_ image: ImageCheckContext) -> [Finding] {
        let limit = Int64(image.option("max-file-mb", of: Self.meta)) << 20
        var findings: [Finding] = []
        image.finalFiles { path, size, layer in
            guard size > limit else { return }
            findings.append(image.finding(Self.meta, layer: layer, path: path,
                                          "/\(path) is \(ByteSize.format(size)), added by \(image.describe(layer: layer))"))
        }
        return findings
    }
}
