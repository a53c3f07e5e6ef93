import Audit
import Checks
import DockerfileSyntax

/// Checkstyle XML, which Jenkins, GitLab and reviewdog read.
public enum CheckstyleReport {
    public static func render(_ report: AuditReport) -> String {
        var output = XMLText.declaration + "<checkstyle version=\"4.3\">\n"
        for file in report.files {
            output += "  <file name=\"\(XMLText.escape(file.path))\">\n"
            for finding in file.findings {
                let severity = finding.severity == .style ? "info" : finding.severity.rawValue
                output += "    <error line=\"\(finding.range.start.line)\" column=\"\(finding.range.start.column)\""
                    + " severity=\"\(severity)\" message=\"\(XMLText.escape(finding.message))\""
                    + " source=\"plimsoll.\(finding.rule.id).\(finding.rule.name)\"/>\n"
            }
            output += "  </file>\n"
        }
        return output + "</checkstyle>\n"
    }
}
