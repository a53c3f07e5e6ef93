import DockerfileSyntax

struct LabelKeyInvalid: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD054", name: "label-key-invalid", severity: .style, aliases: ["DL3048"],
        title: "A LABEL key breaks Docker's key format",
        why: """
            Docker asks label keys to be lowercase letters, digits, `.` and `-`, starting and ending with a \
            letter or digit and without repeated separators, and reserves the `com.docker.*`, `io.docker.*` \
            and `org.dockerproject.*` namespaces. Tools that query labels (and the OCI annotation keys \
            `org.opencontainers.image.*`) rely on it.
            """,
        triggering: ["FROM alpine:3.24\nLABEL Maintainer=ops\n", "FROM alpine:3.24\nLABEL com.docker.build=1 my..key=x\n"],
        passing: ["FROM alpine:3.24\nLABEL org.opencontainers.image.source=https://github.com/x/y version=1.0\n", "FROM alpine:3.24\nLABEL maintainer=ops\n"])

    static func problem(_ key: String) -> String? {
        for reserved in ["com.docker.", "io.docker.", "org.dockerproject."] where key.hasPrefix(reserved) { return "uses the reserved `\(reserved)` namespace" }
        guard let first = key.first, let last = key.last else { return "is empty" }
        if key.contains(where: { !($0.isLowercase && $0.isASCII || $0.isNumber || $0 == "." || $0 == "-") }) { return "has characters other than lowercase letters, digits, `.` and `-`" }
        if !(first.isLetter || first.isNumber) || !(last.isLetter || last.isNumber) { return "must start and end with a letter or digit" }
        if key.contains(text: "..") || key.contains(text: "--") || key.contains(text: ".-") || key.contains(text: "-.") { return "has repeated separators" }
        return nil
    }

    func check(_ context: LintContext) -> [Finding] {
        context.allSteps.compactMap { step -> Finding? in
            guard step.instruction.kind == .label, case .pairs(let pairs, _) = step.instruction.body else { return nil }
            for pair in pairs {
                let key = pair.key.value.trimmingQuotes()
                if let problem = Self.problem(key) {
                    return context.finding(Self.meta, at: pair.key.span, "label key `\(key)` \(problem)")
                }
            }
            return nil
        }
    }
}

private extension String {
    func trimmingQuotes() -> String {
        guard count >= 2, let first, first == "\"" || first == "'", last == first else { return self }
        return String(dropFirst().dropLast())
    }
}
