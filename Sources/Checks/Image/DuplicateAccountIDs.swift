import ContainerImage

/// The practice: every account and group is distinct.
struct DuplicateAccountIDs: ImageRule {
    static let meta = RuleMeta(
        id: "PI027", name: "duplicate-account-ids", severity: .warning, aliases: ["DKL-LI-0002"],
        title: "Two accounts share a UID, or two groups a GID",
        why: """
            Accounts with the same UID are the same user to the kernel: files, processes and permissions \
            of one belong to the other, which defeats the point of a separate user (and a second UID 0 is \
            a second root). Give every account and group its own id.
            """,
        triggering: ["== layer: ADD file:rootfs in / ==\netc/passwd = root:x:0:0:root:/root:/bin/sh\\ntoor:x:0:0::/root:/bin/sh\n"],
        passing: ["== layer: ADD file:rootfs in / ==\netc/passwd = root:x:0:0:root:/root:/bin/sh\\napp:x:10001:10001::/app:/bin/sh\n"])

    func check(_ image: ImageCheckContext) -> [Finding] {
        var findings: [Finding] = []
        for (file, what) in [("etc/passwd", "UID"), ("etc/group", "GID")] {
            var seen: [Substring: Substring] = [:]
            let layer = image.tree.lookup(file)?.layer
            for record in AccountFiles.records(image.finalContent(file)) where record.fields.count > 2 && !record[2].isEmpty {
                if let first = seen[record[2]] {
                    findings.append(image.finding(Self.meta, layer: layer, path: file,
                                                  "`\(record[0])` and `\(first)` in /\(file) share \(what) \(record[2]) (line \(record.line))"))
                } else {
                    seen[record[2]] = record[0]
                }
            }
        }
        return findings
    }
}
