import Audit
import Checks
import DockerfileSyntax

/// JUnit XML: one test suite per file, one failing test case per finding, a passing case for a clean file.
public enum JUnitReport {
    public static func render(_ report: AuditReport) -> String {
        let bases = BaseImageText.entries(report)
        let total = report.files.reduce(0) { $0 + max(1, $1.findings.count) } + bases.count
        var output = XMLText.declaration
        output += "<testsuites name=\"plimsoll\" tests=\"\(total)\" failures=\"\(report.findings.count)\">\n"
        for file in report.files {
            let path = XMLText.escape(file.path)
            output += "  <testsuite name=\"\(path)\" tests=\"\(max(1, file.findings.count))\" failures=\"\(file.findings.count)\">\n"
            if file.findings.isEmpty {
                output += "    <testcase name=\"plimsoll\" classname=\"\(path)\"/>\n"
            }
            for finding in file.findings {
                let name = XMLText.escape("\(finding.rule.id) \(finding.rule.name) \(finding.hasSourceLine ? "at line \(finding.range.start.line)" : "in the image")")
                let detail = "\(TextReport.location(of: finding)): \(finding.message)"
                output += "    <testcase name=\"\(name)\" classname=\"\(path)\">\n"
                output += "      <failure message=\"\(XMLText.escape(finding.message))\" type=\"\(finding.severity.rawValue)\">"
                output += XMLText.escape(detail) + "</failure>\n"
                output += "    </testcase>\n"
            }
            output += "  </testsuite>\n"
        }
        // How fresh each base image is (`--online`): a passing case each, named with its state;
        // the stale ones are also findings above.
        if !bases.isEmpty {
            output += "  <testsuite name=\"base images\" tests=\"\(bases.count)\" failures=\"0\">\n"
            for (name, status) in bases {
                output += "    <testcase name=\"\(XMLText.escape(name + ": " + BaseImageText.line(status)))\" classname=\"base images\"/>\n"
            }
            output += "  </testsuite>\n"
        }
        return output + "</testsuites>\n"
    }
}
