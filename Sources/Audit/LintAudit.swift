import Checks
import DockerfileSyntax

/// What `--fix` does with the fixes: nothing, write them to the files, or only show them.
public enum FixMode: Sendable, Equatable {
    case report
    case write(includesUnsafe: Bool)
    case preview(includesUnsafe: Bool)
}

/// One Dockerfile's text before and after its fixes.
public struct FixedFile: Sendable {
    public var path: String
    public var before: [UInt8]
    public var after: [UInt8]
}

/// What a lint found, and what its fixes changed.
public struct LintAuditResult: Sendable {
    /// The findings left after the fixes were written; empty when fixes are only previewed.
    public var report: AuditReport
    public var fixes: [FixedFile]
}

/// Lints Dockerfiles, optionally against a build context, applying their fixes as asked.
public struct LintAudit: Sendable {
    public var settings: AuditSettings

    public init(settings: AuditSettings) {
        self.settings = settings
    }

    /// `context` is a build context to check each Dockerfile against. Files read from standard
    /// input (path `-`) are never written.
    public func run(_ sources: [SourceFile], context: String? = nil, fixing mode: FixMode = .report) throws(AuditError) -> LintAuditResult {
        let linter = settings.linter(for: sources)
        var results: [AuditReport.FileResult] = []
        var fixes: [FixedFile] = []
        switch mode {
        case .report:
            // All files at once, so ShellCheck starts once per core rather than once per file.
            let findings = linter.lint(sources)
            for index in sources.indices {
                results.append(try result(sources[index], findings[index], context: context))
            }
        case .write(let includesUnsafe), .preview(let includesUnsafe):
            // Fixing re-lints each file as it changes.
            let loop = FixLoop(linter: linter, includesUnsafe: includesUnsafe)
            for source in sources {
                var findings = linter.lint(source)
                let fixed = loop.fixed(source, findings: findings)
                fixes.append(FixedFile(path: source.path, before: source.bytes, after: fixed))
                guard case .write = mode else { continue }
                var current = source
                if fixed != source.bytes, source.path != "-" {
                    try FixWriter.write(fixed, to: source.path)
                    current = SourceFile(path: source.path, bytes: fixed)
                    findings = linter.lint(current)
                }
                results.append(try result(current, findings, context: context))
            }
        }
        return LintAuditResult(report: AuditReport(files: results, baseImages: linter.baseImages), fixes: fixes)
    }

    private func result(_ source: SourceFile, _ findings: [Finding], context: String?) throws(AuditError) -> AuditReport.FileResult {
        let contextFindings = try context.map { (directory) throws(AuditError) in try settings.checkContext(directory, dockerfile: source).findings } ?? []
        return AuditReport.FileResult(path: source.path, findings: findings + contextFindings)
    }
}
