import ContainerImage
/// `/etc/passwd`, `/etc/group` and `/etc/shadow` as colon-separated records. Only the first MiB of
/// each is read during the layer pass, so a hostile 50 MB passwd costs no more than a real one.
struct AccountFiles {
    struct Record {
        var fields: [Substring]
        var line: Int
        subscript(_ index: Int) -> Substring { index < fields.count ? fields[index] : "" }
    }

    static func records(_ bytes: [UInt8]?) -> [Record] {
        guard let bytes else { return [] }
        let text = String(decoding: bytes, as: UTF8.self)
        var records: [Record] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            records.append(Record(fields: line.split(separator: ":", omittingEmptySubsequences: false), line: number + 1))
        }
        return records
    }
}

/// Seed practice: no account without a password.
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

/// Seed practice: every account and group is distinct.
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
