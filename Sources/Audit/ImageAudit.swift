import Advisories
import Checks
import ContainerImage
import DockerfileSyntax
import Packages

/// What an image audit found: the analysis and its findings (known vulnerabilities among them, as
/// rule PV001), and the vulnerability review they came from.
public struct ImageAuditResult: Sendable {
    public var report: ImageReport
    /// Nil when no advisory database was given.
    public var vulnerabilities: VulnerabilityReview?
    /// How fresh the image's base is (`--online`), when its base is known.
    public var imageBase: BaseImageStatus?
}

/// Reads an image and runs the image rules, joined to the Dockerfile it was built from when there
/// is one; with an advisory database, the packages' known vulnerabilities are findings too.
public struct ImageAudit: Sendable {
    public var settings: AuditSettings
    public var reading: ImageReading
    public var limits: ImageLimits

    public init(settings: AuditSettings, reading: ImageReading = ImageReading(), limits: ImageLimits = ImageLimits()) {
        self.settings = settings
        self.reading = reading
        self.limits = limits
    }

    public func run(_ reference: String, dockerfile: SourceFile?, advisories: AdvisoryDatabase? = nil) throws(AuditError) -> ImageAuditResult {
        let configuration: Configuration
        do {
            configuration = try limits.applied(to: settings.configuration)
        } catch {
            throw AuditError(error.description)
        }
        let cataloguing = advisories != nil
        // The rules' capture set, widened to the package databases when they are catalogued.
        let capture: @Sendable (Image) -> @Sendable (String, Int64) -> Int = { image in
            let selection = ImageContentSelection(configuration: image.configuration, settings: configuration)
            return { path, size in
                let forRules = selection.bytesWanted(path: path, size: size)
                return cataloguing ? max(forRules, SoftwareBill.bytesWanted(path: path, size: size)) : forRules
            }
        }
        let inspector: @Sendable (String, Int64, UInt32) -> (any ContentInspector)? = { path, size, mode in
            cataloguing ? SoftwareBill.inspector(path: path, size: size, mode: mode) : nil
        }
        let audit = VulnerabilityAudit(settings: settings)
        return try reading.read(reference, capture: capture, inspector: inspector, extraction: cataloguing ? "rules+packages" : "rules") { (image, changes) throws(AuditError) in
            var review: VulnerabilityReview?
            if let advisories {
                let bill = SoftwareBill(reference: reference, image: image, changes: changes, created: "", documentID: "")
                review = try audit.review(bill, database: advisories)
            }
            let base = settings.baseImageReview?.status(ofBuilt: image, dockerfileBase: dockerfile.flatMap(finalBase))
            let report = ImageLinter(configuration: configuration, options: settings.build)
                .check(reference: reference, image: image, imageConfiguration: image.configuration, changes: changes, dockerfile: dockerfile,
                       imageBase: base, additionalFindings: { placement in review?.findings(placement: placement) ?? [] })
            return ImageAuditResult(report: report, vulnerabilities: review, imageBase: base)
        }
    }

    /// The image the final stage is built on, through the stages it is built `FROM`.
    private func finalBase(_ dockerfile: SourceFile) -> String? {
        guard let parsed = try? DockerfileParser.parse(dockerfile) else { return nil }
        let graph = BuildGraph(parsed, options: settings.build)
        guard let final = graph.finalStage, let root = graph.lineage(of: final).last, case .image = root.base else { return nil }
        return root.baseName
    }
}
