import ContainerImage
import DockerfileSyntax
/// The practice: nothing listens that the application does not need.
struct AdminPortExposed: ImageRule {
    static let meta = RuleMeta(
        id: "PI012", name: "image-exposes-admin-port", severity: .warning,
        title: "The image exposes SSH or another remote-administration port",
        why: """
            An image whose config exposes SSH (22), Telnet (23), RDP (3389) or VNC (5900) is built to run a \
            login service beside the application: another credential, another way in. Reach containers \
            with `docker exec` or `kubectl exec` instead.
            """,
        triggering: ["== config ==\nExposedPort: 22/tcp\nExposedPort: 8080/tcp\n== layer: ADD file:rootfs in / ==\nusr/sbin/sshd (100 bytes)\n"],
        passing: ["== config ==\nExposedPort: 8080/tcp\n== layer: ADD file:rootfs in / ==\nusr/bin/app (100 bytes)\n"])

    func check(_ image: ImageCheckContext) -> [Finding] {
        (image.imageConfiguration.config?.exposedPorts?.keys.sorted() ?? []).compactMap { port in
            let number = Int(port.split(separator: "/").first ?? "") ?? -1
            guard let service = ExposeAdministrativePort.service(on: number) else { return nil }
            return image.configFinding(Self.meta, keyword: "EXPOSE", matches: { $0.instruction.rest.value.contains(String(number)) },
                                       "the image exposes \(port) (\(service)); use `docker exec` instead of a login service")
        }
    }
}
