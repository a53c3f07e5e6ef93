import Advisories
import Checks

/// What `scan` found: the inventory, the vulnerabilities after the exception policy, and the same
/// as findings of rule PV001 on the lines that installed each package, for the CI formats.
public struct ScanReport: Sendable {
    public var inventory: Inventory
    public var review: VulnerabilityReview
    /// The reported vulnerabilities as findings, grouped by file, the scanned image or SBOM first.
    public var findings: AuditReport

    public init(inventory: Inventory, review: VulnerabilityReview) {
        self.inventory = inventory
        self.review = review
        findings = AuditReport(files: AuditReport.FileResult.grouped(review.findings(placement: inventory.placement), first: inventory.placement.reference),
                               notes: inventory.notes + review.notes)
    }

    /// What a user should hear beside the report: SBOM components that could not be matched, expired exceptions.
    public var notes: [AuditNote] { findings.notes }
}
