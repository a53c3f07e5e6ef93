import ContainerImage

/// The practice: no account without a password.
struct EmptyPassword: ImageRule {
    static let meta = RuleMeta(
        id: "PI026", name: "empty-password", severity: .error, aliases: ["DKL-LI-0001"],
        title: "An account has an empty password",
        why: """
            An account whose password field in `/etc/shadow` (or `/etc/passwd`) is empty can be logged \
            into, or switched to with `su`, without any password. Lock it (`passwd -l NAME` puts `!` in \
            the field) or remove it.
            """,
        triggering: ["== layer: ADD file:rootfs in / ==\netc/shadow = root:*:19000:0:99999:7:::\\nops::19000:0:99999:7:::\n"],
        passing: ["== layer: ADD file:rootfs in / ==\netc/shadow = root:*:19000:0:99999:7:::\\nops:!:19000:0:99999:7:::\n"])

    func check(_ image: ImageCheckContext) -> [Finding] {
        var findings: [Finding] = []
        for file in ["etc/shadow", "etc/passwd"] {
            let layer = image.tree.lookup(file)?.layer
            for record in AccountFiles.records(image.finalContent(file)) where record.fields.count > 1 && record[1].isEmpty {
                findings.append(image.finding(Self.meta, layer: layer, path: file,
                                              "account `\(record[0])` in /\(file) (line \(record.line)) has an empty password; lock it with `passwd -l \(record[0])`"))
            }
        }
        return findings
    }
}
