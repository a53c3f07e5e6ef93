import BuildContext
import Checks

/// The findings of one run, grouped by file in the order files were given.
public struct LintReport: Sendable {
    /// Build-context results: the `context` command reports one, `check` one per Dockerfile.
    public enum ContextSection: Sendable {
        case none
        case single(ContextReport)
        case perDockerfile([ContextReport])
    }

    public struct FileResult: Sendable {
        public var path: String
        public var findings: [Finding]

        public init(path: String, findings: [Finding]) {
            self.path = path
            self.findings = findings
        }

        /// One result per file the findings name, `first` leading even when it has none.
        public static func grouped(_ findings: [Finding], first: String) -> [FileResult] {
            var results = [FileResult(path: first, findings: [])]
            for finding in findings {
                if let index = results.firstIndex(where: { $0.path == finding.file }) {
                    results[index].findings.append(finding)
                } else {
                    results.append(FileResult(path: finding.file, findings: [finding]))
                }
            }
            return results
        }
    }

    public var files: [FileResult]
    public var context: ContextSection
    /// The image analysis, for `image` and `check --image`.
    public var image: ImageReport?

    public init(files: [FileResult], context: ContextSection = .none, image: ImageReport? = nil) {
        self.files = files
        self.context = context
        self.image = image
    }

    public var findings: [Finding] { files.flatMap(\.findings) }

}

/// Output formats, named as on the command line.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, sarif, github, checkstyle, junit

    /// The format named on the command line. A search of `allCases` rather than `init(rawValue:)`,
    /// whose first call instantiates generic metadata that costs more than the whole text report.
    public init?(name: String) {
        guard let format = Self.allCases.first(where: { $0.rawValue == name }) else { return nil }
        self = format
    }

    public func render(_ report: LintReport, color: Bool = false) -> String {
        switch self {
        case .text: return TextReport(color: color).render(report)
        case .json: return JSONReport.render(report)
        case .sarif: return SARIFReport.render(report)
        case .github: return GitHubReport.render(report)
        case .checkstyle: return CheckstyleReport.render(report)
        case .junit: return JUnitReport.render(report)
        }
    }
}
