import Audit
import Checks
import DockerfileSyntax

/// `FILE:LINE:COL: severity[RULE] message` lines and a one-line summary, like compilers and hadolint.
public struct TextReport: Sendable {
    public var color: Bool

    public init(color: Bool) {
        self.color = color
    }

    public func render(_ report: AuditReport) -> String {
        var output = ""
        if case .single(let context) = report.context { output += ContextText.render(context) }
        if let image = report.image { output += ImageText(color: color).render(image) }
        output += BaseImageText.render(report)
        for finding in report.findings {
            let location = Self.location(of: finding)
            let label = paint("\(finding.severity.rawValue)[\(finding.rule.id)]", finding.severity)
            output += "\(paint(location, nil)): \(label) \(finding.message) (\(finding.rule.name))\n"
        }
        output += summary(report) + "\n"
        return output
    }

    /// `Dockerfile:3:1`, or for an image finding without a line `image.tar /var/cache/apt (layer 1)`.
    static func location(of finding: Finding) -> String {
        var location = finding.hasSourceLine ? "\(finding.file):\(finding.range.start.line):\(finding.range.start.column)" : finding.file
        if let layer = finding.layer {
            location += finding.path.map { " \($0) (layer \(layer))" } ?? " (layer \(layer))"
        } else if !finding.hasSourceLine, let path = finding.path, !finding.file.hasSuffix(path) {
            location += " " + path
        }
        return location
    }

    func summary(_ report: AuditReport) -> String {
        let files = report.files.count == 1 ? "1 file" : "\(report.files.count) files"
        let findings = report.findings
        guard !findings.isEmpty else { return "No problems found in \(files)." }
        let total = findings.count
        var counts = ""
        for severity in Severity.allCases.reversed() {
            let count = findings.filter { $0.severity == severity }.count
            guard count > 0 else { continue }
            counts += (counts.isEmpty ? "" : ", ") + "\(count) \(severity.rawValue)"
        }
        return "\(total) \(total == 1 ? "problem" : "problems") (\(counts)) in \(files)."
    }

    private func paint(_ text: String, _ severity: Severity?) -> String {
        guard color else { return text }
        let code: String
        switch severity {
        case .error: code = "1;31"
        case .warning: code = "1;33"
        case .info: code = "36"
        case .style: code = "2"
        case nil: code = "1"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}
