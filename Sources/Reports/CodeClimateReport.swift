import Audit
import Checks
import ContainerImage
import DockerfileSyntax

/// GitLab's Code Quality report (`artifacts: reports: codequality:`), the subset of the Code Climate
/// issue format GitLab reads: one object per finding with a description, the rule as
/// `check_name`, a fingerprint that stays the same while the finding does, a severity and where
/// it is. Findings about an image without a Dockerfile line are placed on line 1 of the image's name.
public enum CodeClimateReport {
    public static func render(_ report: AuditReport) -> String {
        JSONValue.array(report.findings.map(issue)).rendered()
    }

    static func issue(_ finding: Finding) -> JSONValue {
        let line = finding.hasSourceLine ? finding.range.start.line : 1
        var lines: [(String, JSONValue)] = [("begin", .number(line))]
        if finding.hasSourceLine, finding.range.end.line > line { lines.append(("end", .number(finding.range.end.line))) }
        let description = finding.path.map { finding.message + " (\($0)" + (finding.layer.map { ", layer \($0))" } ?? ")") } ?? finding.message
        return .object([
            ("type", .string("issue")),
            ("description", .string(description)),
            ("check_name", .string("\(finding.rule.id) \(finding.rule.name)")),
            ("fingerprint", .string(fingerprint(finding))),
            ("severity", .string(severity(finding.severity))),
            ("location", .object([("path", .string(finding.file)), ("lines", .object(lines))])),
        ])
    }

    /// GitLab's scale is info, minor, major, critical, blocker; blocker is left for nothing a linter can know.
    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: "critical"
        case .warning: "major"
        case .info: "minor"
        case .style: "info"
        }
    }

    /// The rule, file, line, image path and message: two findings differ in one of them, and a
    /// finding that stays keeps its fingerprint from one pipeline to the next.
    static func fingerprint(_ finding: Finding) -> String {
        let key = [finding.rule.id, finding.file, finding.hasSourceLine ? String(finding.range.start.line) : "-",
                   finding.path ?? "", finding.layer.map(String.init) ?? "", finding.message].joined(separator: "\u{0}")
        return String(SHA256Hasher.digest(of: Array(key.utf8)).hex.prefix(32))
    }
}
