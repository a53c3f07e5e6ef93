import ContainerImage
/// The practice: least privilege inside the image.
struct WorldWritable: ImageRule {
    static let meta = RuleMeta(
        id: "PI025", name: "world-writable", severity: .warning,
        title: "A file or directory anyone can write to",
        why: """
            A world-writable file can be changed by any user in the container, and a world-writable \
            directory without the sticky bit lets any user delete or replace others' files in it. Only \
            shared scratch directories (`/tmp`, with mode 1777) should be writable by all.
            """,
        triggering: [
            "== layer: RUN /bin/sh -c chmod 777 /app/run.sh # buildkit ==\napp/run.sh (100 bytes, mode 777)\n",
            "== layer: RUN /bin/sh -c mkdir -m 777 /data # buildkit ==\ndata/ (mode 777)\n",
        ],
        passing: ["== layer: ADD file:rootfs in / ==\ntmp/ (mode 1777)\napp/run.sh (100 bytes, mode 755)\n"])

    func check(_ image: ImageCheckContext) -> [Finding] {
        let hits = SpecialPermissions.find(in: image) { node in
            switch node.kind {
            case .regular: node.mode & 0o002 != 0
            case .directory: node.mode & 0o002 != 0 && node.mode & 0o1000 == 0
            default: false
            }
        }
        return SpecialPermissions.report(hits, in: image, meta: Self.meta) { hit in
            ("/\(hit.path) is writable by everyone (mode \(SpecialPermissions.octal(hit.mode))), from \(image.describe(layer: hit.layer)); drop the o+w bit", nil)
        }
    }
}
