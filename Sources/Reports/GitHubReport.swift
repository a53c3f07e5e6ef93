import Audit
import Checks
import DockerfileSyntax

/// GitHub Actions workflow commands: one `::error file=…::message` annotation per finding.
public enum GitHubReport {
    public static func render(_ report: AuditReport) -> String {
        var output = ""
        for finding in report.findings {
            let command: String
            switch finding.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .info, .style: command = "notice"
            }
            var properties = ["file=\(property(finding.file))"]
            if finding.hasSourceLine {
                properties += [
                    "line=\(finding.range.start.line)",
                    "col=\(finding.range.start.column)",
                    "endLine=\(finding.range.end.line)",
                    "endColumn=\(finding.range.end.column)",
                ]
            }
            properties.append("title=\(property("\(finding.rule.id) \(finding.rule.name)"))")
            output += "::\(command) \(properties.joined(separator: ","))::\(data(finding.message))\n"
        }
        for (name, status) in BaseImageText.entries(report) {
            output += "::notice title=\(property("base image " + name))::\(data(status.reference + ": " + BaseImageText.line(status)))\n"
        }
        return output
    }

    private static func data(_ text: String) -> String {
        text.replacingAll("%", with: "%25").replacingAll("\r", with: "%0D").replacingAll("\n", with: "%0A")
    }

    private static func property(_ text: String) -> String {
        data(text).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
    }
}

extension String {
    /// Replaces every occurrence of `target`; written here so Reports needs no Foundation.
    func replacingAll(_ target: String, with replacement: String) -> String {
        let needle = Array(target.utf8)
        guard !needle.isEmpty, utf8.count >= needle.count else { return self }
        let haystack = Array(utf8)
        var output: [UInt8] = []
        output.reserveCapacity(haystack.count)
        var index = 0
        while index < haystack.count {
            if haystack[index] == needle[0], index + needle.count <= haystack.count,
               haystack[index..<index + needle.count].elementsEqual(needle) {
                output.append(contentsOf: replacement.utf8)
                index += needle.count
            } else {
                output.append(haystack[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
