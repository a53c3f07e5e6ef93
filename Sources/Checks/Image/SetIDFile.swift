import ContainerImage
/// The practice: least privilege inside the image.
struct SetIDFile: ImageRule {
    static let meta = RuleMeta(
        id: "PI024", name: "setuid-file", severity: .warning, aliases: ["CIS-DI-0008"],
        title: "A file runs with its owner's or group's privileges (setuid/setgid)",
        why: """
            A setuid or setgid program runs with the rights of its owner (usually root) whoever starts it: \
            the classic privilege-escalation path. Distributions ship a few on purpose (`passwd`, `su`, \
            `mount`…), reported as info; anything else should lose the bit (`chmod u-s,g-s`).
            """,
        triggering: ["== layer: RUN /bin/sh -c chmod u+s /usr/bin/find # buildkit ==\nusr/bin/find (1000 bytes, mode 4755)\n"],
        passing: ["== layer: ADD file:rootfs in / ==\nusr/bin/find (1000 bytes, mode 755)\n"])

    /// Set-id programs distributions install on purpose.
    static let expected: Set<String> = [
        "passwd", "su", "mount", "umount", "chsh", "chfn", "newgrp", "gpasswd", "chage", "expiry", "unix_chkpwd", "sudo",
        "ping", "ping6", "pkexec", "wall", "write", "ssh-agent", "crontab", "fusermount", "fusermount3", "newuidmap", "newgidmap",
        "dotlockfile", "mount.nfs", "pam_timestamp_check", "userhelper", "bsd-write",
    ]

    func check(_ image: ImageCheckContext) -> [Finding] {
        let hits = SpecialPermissions.find(in: image) { $0.kind == .regular && $0.mode & 0o6000 != 0 }
        let (usual, unusual) = (hits.filter { Self.isExpected($0.path) }, hits.filter { !Self.isExpected($0.path) })
        var findings = SpecialPermissions.report(unusual, in: image, meta: Self.meta) { hit in
            ("/\(hit.path) is \(Self.bits(hit.mode)) (mode \(SpecialPermissions.octal(hit.mode))), set by \(image.describe(layer: hit.layer)); remove the bit with `chmod u-s,g-s`", nil)
        }
        // The distribution's own set-id programs: one informational line that lists them.
        if let first = usual.first {
            var finding = image.finding(Self.meta, layer: first.layer, path: first.path, """
                \(usual.count) set-id programs as the distribution ships them: \(usual.prefix(12).map { "/" + $0.path }.joined(separator: ", "))\(usual.count > 12 ? ", …" : ""); \
                remove the ones the application does not need
                """)
            finding.severity = .info
            findings.append(finding)
        }
        return findings
    }

    static func isExpected(_ path: String) -> Bool { expected.contains(path.split(separator: "/").last.map(String.init) ?? path) }

    static func bits(_ mode: UInt32) -> String {
        [mode & 0o4000 != 0 ? "setuid" : nil, mode & 0o2000 != 0 ? "setgid" : nil].compactMap { $0 }.joined(separator: "+")
    }
}
