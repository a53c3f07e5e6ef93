import Foundation
import ImageFixtures
import Testing

/// `make dist`'s tarball: its checksums hold, and the binary in it runs where there is nothing
/// else, in a chroot of just the unpacked folder and /proc (no Swift, no libc, no shell).
@Suite struct ReleaseArtefactTests {
    @Test(.enabled(if: getuid() == 0, "chroot needs root"))
    func theTarballRunsInAnEmptyRoot() throws {
        let made = try ExternalTool.run(["bash", PlimsollBinary.repository.appendingPathComponent("scripts/dist.sh").path], mergingErrors: true)
        #expect(made.status == 0, "\(made.text.suffix(2000))")
        let tarball = PlimsollBinary.repository.appendingPathComponent(try #require(made.text.split(separator: "\n").last.map(String.init))).path
        #expect(tarball.hasSuffix("-linux-x86_64.tar.gz") || tarball.hasSuffix("-linux-aarch64.tar.gz"), "\(tarball)")
        let scratch = try Scratch()
        // Kept until /proc is unmounted below (defers run last-declared first): never removed while mounted.
        defer { withExtendedLifetime(scratch) {} }
        #expect(try ExternalTool.run(["tar", "-xzf", tarball, "-C", scratch.url.path]).status == 0)
        let root = try #require(try FileManager.default.contentsOfDirectory(at: scratch.url, includingPropertiesForKeys: nil).first)
        let listing = try ExternalTool.run(["find", root.path, "-type", "f"]).text
        for file in ["bin/plimsoll", "share/man/man1/plimsoll.1", "share/bash-completion/completions/plimsoll", "share/zsh/site-functions/_plimsoll",
                     "share/fish/vendor_completions.d/plimsoll.fish", "LICENSE", "THIRD-PARTY-NOTICES", "SHA256SUMS"] {
            #expect(listing.contains(root.path + "/" + file), "\(file) is missing")
        }
        let verified = try ExternalTool.run(["bash", "-c", "cd \"$1\" && sha256sum --check --quiet SHA256SUMS", "sh", root.path], mergingErrors: true)
        #expect(verified.status == 0, "\(verified.text)")
        let notices = try String(contentsOf: root.appendingPathComponent("THIRD-PARTY-NOTICES"), encoding: .utf8)
        for component in ["Swift runtime", "swift-argument-parser", "Yams", "zlib1g", "libzstd1", "libssl3", "libsqlite3-0"] {
            #expect(notices.contains("==== " + component), "\(component)")
        }

        // Nothing but the unpacked folder, a Dockerfile and /proc (which every Linux and container has,
        // and Swift's runtime reads): the binary needs no loader and no libraries.
        try "FROM node:latest\nRUN apt-get update\n".write(to: root.appendingPathComponent("Dockerfile"), atomically: true, encoding: .utf8)
        let proc = root.appendingPathComponent("proc").path
        try FileManager.default.createDirectory(atPath: proc, withIntermediateDirectories: true)
        let mounted = try ExternalTool.run(["mount", "-t", "proc", "proc", proc], mergingErrors: true)
        try #require(mounted.status == 0, "cannot mount /proc in the chroot: \(mounted.text)")
        defer { _ = try? ExternalTool.run(["umount", proc]) }
        let version = try ExternalTool.run(["chroot", root.path, "/bin/plimsoll", "--version"], mergingErrors: true)
        #expect(version.status == 0 && version.text.hasPrefix("0.1.0 (commit "), "\(version.text)")
        let linted = try ExternalTool.run(["chroot", root.path, "/bin/plimsoll", "lint", "/Dockerfile", "--no-color"], mergingErrors: true)
        #expect(linted.status == 1 && linted.text.contains("/Dockerfile:1:6: warning[PD006]"), "\(linted.text)")
    }
}
