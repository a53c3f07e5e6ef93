import DockerfileSyntax

struct ExposeAdministrativePort: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD027", name: "expose-admin-port", severity: .warning, aliases: ["DS-0004", "CKV_DOCKER_1"],
        title: "EXPOSE of SSH or another remote-administration port",
        why: """
            An image that exposes SSH (22), Telnet (23), RDP (3389) or VNC (5900) runs a remote login service \
            next to the application: one more credential to manage and one more way in. Use `docker exec` \
            or `kubectl exec` to get into a container.
            """,
        triggering: ["FROM ubuntu:24.04\nEXPOSE 22\n", "FROM ubuntu:24.04\nEXPOSE 8080 5900/tcp\n"],
        passing: ["FROM ubuntu:24.04\nEXPOSE 8080\n", "FROM ubuntu:24.04 AS tools\nEXPOSE 22\nFROM ubuntu:24.04\nEXPOSE 443\n"])

    static let administrative: [(port: Int, service: String)] = [(22, "SSH"), (23, "Telnet"), (3389, "RDP"), (5900, "VNC")]

    static func service(on port: Int) -> String? { administrative.first { $0.port == port }?.service }

    func check(_ context: LintContext) -> [Finding] {
        context.layerSteps.filter { $0.instruction.kind == .expose }.flatMap { step in
            ExposedPorts.ports(step).compactMap { port -> Finding? in
                guard let numbers = port.numbers, let (number, service) = Self.administrative.first(where: { numbers.contains($0.port) }) else { return nil }
                return context.finding(Self.meta, at: step.instruction.span, "EXPOSE \(port.text) includes port \(number) (\(service)); use `docker exec` instead of a login service")
            }
        }
    }
}
