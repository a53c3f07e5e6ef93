import DockerfileSyntax
/// Applies what users configured to raw findings: `ignore`, inline pragmas (for findings in the
/// Dockerfile they were written in), severity `override`, then a stable order.
struct FindingPolicy {
    let configuration: Configuration

    func apply(_ findings: [Finding], pragmas: Pragmas?, pragmaFile: String?) -> [Finding] {
        findings
            .filter { finding in
                guard !configuration.isIgnored(finding.rule) else { return false }
                guard let pragmas, finding.file == pragmaFile else { return true }
                return !pragmas.suppresses(finding)
            }
            .map { finding in
                var adjusted = finding
                if let override = configuration.severityOverride(for: finding.rule) { adjusted.severity = override }
                return adjusted
            }
            .sorted { ($0.file, $0.range.start, $0.path ?? "", $0.rule.id) < ($1.file, $1.range.start, $1.path ?? "", $1.rule.id) }
    }
}
