import ContainerImage
import DockerfileSyntax

/// The practice: images do not ask for the host's kernel interfaces.
struct SensitiveVolume: ImageRule {
    static let meta = RuleMeta(
        id: "PI015", name: "sensitive-volume", severity: .warning, aliases: ["DKL-DI-0002"],
        title: "A VOLUME covers a kernel or device directory",
        why: """
            `VOLUME /sys`, `/proc` or `/dev` (or the Docker socket) in an image invites whoever runs it to \
            mount the host's kernel interfaces into the container, which hands the container control of the \
            host. Declare volumes only for application data.
            """,
        triggering: ["== config ==\nVolume: /sys\n== layer: ADD file:rootfs in / ==\nusr/bin/app (100 bytes)\n"],
        passing: ["== config ==\nVolume: /var/lib/app\n== layer: ADD file:rootfs in / ==\nusr/bin/app (100 bytes)\n"])

    static let sensitive = ["/sys", "/proc", "/dev", "/var/run/docker.sock", "/run/docker.sock", "/", "/boot", "/lib/modules"]

    func check(_ image: ImageCheckContext) -> [Finding] {
        (image.imageConfiguration.config?.volumes?.keys.sorted() ?? []).compactMap { volume in
            let cleaned = "/" + (ArchivePath.clean(volume) ?? "")
            guard let root = Self.sensitive.first(where: { cleaned == $0 || ($0 != "/" && cleaned.hasPrefix($0 + "/")) }) else { return nil }
            return image.configFinding(Self.meta, keyword: "VOLUME", matches: { $0.instruction.rest.value.contains(volume) },
                                       "the image declares VOLUME \(volume), which covers \(root); declare volumes only for application data")
        }
    }
}
