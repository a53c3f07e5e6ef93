import DockerfileSyntax

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
