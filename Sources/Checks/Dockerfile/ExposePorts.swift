import DockerfileSyntax

/// The ports an EXPOSE names: `80`, `8080/tcp`, `53/udp`, ranges like `8000-8010`.
enum ExposedPorts {
    struct Port {
        var text: String
        var numbers: ClosedRange<Int>?
    }

    static func ports(_ step: Step) -> [Port] {
        step.expanded.map { text in
            let number = text.split(separator: "/").first.map(String.init) ?? text
            let bounds = number.split(separator: "-").map { Int($0) }
            if bounds.count == 1, let single = bounds[0] { return Port(text: text, numbers: single...single) }
            if bounds.count == 2, let low = bounds[0], let high = bounds[1], low <= high { return Port(text: text, numbers: low...high) }
            return Port(text: text, numbers: nil)
        }
    }
}

struct ExposeInvalidPort: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD026", name: "expose-invalid-port", severity: .error, aliases: ["DL3011", "DS-0008"],
        title: "EXPOSE names a port outside 0–65535",
        why: "TCP and UDP ports are 16-bit numbers; an EXPOSE outside 0–65535 (or that is not a number at all after expansion) makes `docker build` fail or documents a port nothing can listen on.",
        triggering: ["FROM nginx:1.27\nEXPOSE 80 70000\n", "FROM nginx:1.27\nEXPOSE 65536/udp\n"],
        passing: ["FROM nginx:1.27\nEXPOSE 80 443/tcp 53/udp\n", "FROM nginx:1.27\nARG PORT=8080\nEXPOSE ${PORT}\n"])

    func check(_ context: LintContext) -> [Finding] {
        context.allSteps.filter { $0.instruction.kind == .expose }.flatMap { step in
            ExposedPorts.ports(step).compactMap { port -> Finding? in
                guard let numbers = port.numbers, numbers.upperBound > 65535 else { return nil }
                return context.finding(Self.meta, at: step.instruction.span, "port `\(port.text)` is outside 0–65535")
            }
        }
    }
}

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
