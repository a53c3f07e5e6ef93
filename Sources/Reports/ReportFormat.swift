import Audit

/// Output formats, named as on the command line.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, sarif, github, checkstyle, junit, codeclimate

    /// The format named on the command line. A search of `allCases` rather than `init(rawValue:)`,
    /// whose first call instantiates generic metadata that costs more than the whole text report.
    public init?(name: String) {
        guard let format = Self.allCases.first(where: { $0.rawValue == name }) else { return nil }
        self = format
    }

    public func render(_ report: AuditReport, color: Bool = false) -> String {
        switch self {
        case .text: return TextReport(color: color).render(report)
        case .json: return JSONReport.render(report)
        case .sarif: return SARIFReport.render(report)
        case .github: return GitHubReport.render(report)
        case .checkstyle: return CheckstyleReport.render(report)
        case .junit: return JUnitReport.render(report)
        case .codeclimate: return CodeClimateReport.render(report)
        }
    }
}
