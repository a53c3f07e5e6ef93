import BuildContext
import Checks

/// What one audit found, everything a report renders: the findings grouped by file in the order
/// files were given, the build contexts, and the image analysis.
public struct AuditReport: Sendable {
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
            adding(findings, to: [FileResult(path: first, findings: [])])
        }

        /// `results` with each finding added to its file's result, new files after the others.
        static func adding(_ findings: [Finding], to results: [FileResult]) -> [FileResult] {
            var results = results
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
    /// The image's vulnerabilities, when an advisory database was given.
    public var vulnerabilities: VulnerabilityReview?
    /// How fresh each FROM's base image is, by its name as written (`--online`); empty offline.
    public var baseImages: BaseImageFacts
    /// How fresh a built image's base is (`image`/`check --image` with `--online`).
    public var imageBase: BaseImageStatus?
    public var notes: [AuditNote]

    public init(files: [FileResult], context: ContextSection = .none, image: ImageReport? = nil, vulnerabilities: VulnerabilityReview? = nil,
                baseImages: BaseImageFacts = [:], notes: [AuditNote] = []) {
        self.files = files
        self.context = context
        self.image = image
        self.vulnerabilities = vulnerabilities
        self.baseImages = baseImages
        self.notes = notes
    }

    /// An image audit on its own: findings grouped by file, `first` (the Dockerfile or the image) leading.
    public init(image audited: ImageAuditResult, first: String) {
        self.init(files: FileResult.grouped(audited.report.findings, first: first))
        add(audited)
    }

    /// A build context's audit on its own: findings grouped by the file they name (the directory
    /// stands alone when there are none).
    public init(context: ContextReport, directory: String) {
        let files = FileResult.adding(context.findings, to: [])
        self.init(files: files.isEmpty ? [FileResult(path: directory, findings: [])] : files, context: .single(context))
    }

    /// Takes in an image audit's analysis and what its review says about exceptions.
    mutating func add(_ audited: ImageAuditResult) {
        image = audited.report
        vulnerabilities = audited.vulnerabilities
        imageBase = audited.imageBase
        notes += audited.report.notes.map { AuditNote(.warning, $0) } + (audited.vulnerabilities?.notes ?? [])
    }

    public var findings: [Finding] { files.flatMap(\.findings) }
}
