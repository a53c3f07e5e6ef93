import Advisories
import Checks
import DockerfileSyntax

/// Audits a project directory: every Dockerfile in it, the build context beside each, and
/// optionally an image built from it, whose findings land on the Dockerfile's lines.
public struct ProjectAudit: Sendable {
    public var settings: AuditSettings
    public var imageAudit: ImageAudit

    public init(settings: AuditSettings, reading: ImageReading = ImageReading(), limits: ImageLimits = ImageLimits()) {
        self.settings = settings
        imageAudit = ImageAudit(settings: settings, reading: reading, limits: limits)
    }

    /// `dockerfile` names the one the image was built from; by default DIR/Dockerfile, or the only one found.
    public func run(_ directory: String, image: String? = nil, dockerfile: String? = nil,
                    advisories: AdvisoryDatabase? = nil) throws(AuditError) -> AuditReport {
        let files = try DockerfileFinder.find(in: directory)
        // A wrong path in CI must fail, not pass with nothing checked.
        guard !files.isEmpty || image != nil else {
            throw AuditError("no Dockerfile found under \(directory) (looked for Dockerfile, *.Dockerfile, *.dockerfile and Dockerfile.*)")
        }
        let sources = try files.map { (path) throws(AuditError) in try SourceFile.dockerfile(path) }
        // All files at once, so their RUN scripts share ShellCheck processes.
        let linter = settings.linter(for: sources)
        let findings = linter.lint(sources)
        var results: [AuditReport.FileResult] = []
        var contexts: [ContextReport] = []
        for (index, path) in files.enumerated() {
            let contextDirectory = path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) : "."
            let context = try settings.checkContext(contextDirectory, dockerfile: sources[index])
            contexts.append(context)
            results.append(AuditReport.FileResult(path: path, findings: findings[index] + context.findings))
        }
        var report = AuditReport(files: results, context: .perDockerfile(contexts), baseImages: linter.baseImages)
        guard let image else { return report }
        let built = try builtFrom(files, in: directory, named: dockerfile)
        let audited = try imageAudit.run(image, dockerfile: try built.map { (path) throws(AuditError) in try SourceFile.dockerfile(path) },
                                         advisories: advisories)
        report.add(audited)
        report.files = AuditReport.FileResult.adding(audited.report.findings, to: report.files)
        return report
    }

    /// The Dockerfile to join the image with: the one named, else DIR/Dockerfile, else the only one found.
    private func builtFrom(_ files: [String], in directory: String, named: String?) throws(AuditError) -> String? {
        if let named { return named }
        let standard = DockerfileFinder.standardPath(in: directory)
        if files.contains(standard) { return standard }
        if files.count <= 1 { return files.first }
        throw AuditError("\(files.count) Dockerfiles found; name the one the image was built from with --dockerfile")
    }
}
