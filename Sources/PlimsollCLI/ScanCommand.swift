import Advisories
import ArgumentParser
import Checks
import DockerfileSyntax
import Packages
import Reports

struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Find known vulnerabilities in an image's packages, offline, with the local OSV database.",
        discussion: """
            Debian and Ubuntu packages are matched by source package, Alpine ones by origin, Python, npm and \
            Go ones by name. Load advisories first with `plimsoll db update` or `plimsoll db import`. \
            Accepted risks go in .plimsoll.yaml under ignore-vulnerabilities (id, reason, package, expires).
            """)

    @ArgumentParser.Argument(help: "The image to scan (same forms as `plimsoll image`).")
    var reference: String

    @Option(name: .shortAndLong, help: "Output format: \(VulnerabilityFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: String = "text"

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a vulnerability is at or above this severity: critical, high, medium, low, never. Default: high.")
    var failOn: String = "high"

    @ArgumentParser.Flag(name: .customLong("ignore-unfixed"), help: "Leave out vulnerabilities without a fixed version.")
    var ignoreUnfixed = false

    @Option(help: "The Dockerfile the image was built from: name the line that installed each vulnerable package.")
    var dockerfile: String?

    @Option(name: .customLong("config"), help: "Configuration file. Default: .plimsoll.yaml in the working directory or the nearest parent.")
    var configPath: String?

    @OptionGroup var database: DatabaseLocation

    @OptionGroup var reading: ImageReadOptions

    static let levels = ["low", "medium", "high", "critical"]

    func run() throws {
        guard let chosen = VulnerabilityFormat(rawValue: format.lowercased()) else {
            throw UsageError(message: "unknown format '\(format)' (choose from \(VulnerabilityFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        guard failOn == "never" || Self.levels.contains(failOn) else {
            throw UsageError(message: "--fail-on '\(failOn)' is not one of critical, high, medium, low, never")
        }
        let configuration = try CommonOptions.loadConfiguration(configPath, searchingFrom: ".")
        let today = try CommonOptions.today()
        let source = try dockerfile.map { (path) throws(UsageError) in SourceFile(path: path, bytes: try InputFiles.read(path)) }
        let store = try database.open(readOnly: true)
        let (image, changes) = try reading.read(reference, capture: { _ in SoftwareBill.bytesWanted }, inspector: SoftwareBill.inspector)
        let bill = SoftwareBill(reference: reference, image: image, changes: changes, created: DocumentStamp.now(), documentID: DocumentStamp.uuid())
        let review = try VulnerabilityScan.review(bill, database: store, configuration: configuration, today: today, ignoreUnfixed: ignoreUnfixed)
        let placement = LayerPlacement(reference: reference, imageConfiguration: image.configuration, layerCount: changes.count,
                                       dockerfile: source, options: BuildOptions())
        Output.standard(chosen.render(bill, review, placement: placement))
        let threshold = Self.levels.firstIndex(of: failOn) ?? Self.levels.count
        if review.reported.contains(where: { (Self.levels.firstIndex(of: $0.severity) ?? -1) >= threshold }) { throw ExitCode(1) }
    }
}

/// Matching an inventory and applying the configuration's exceptions, shared by `scan` and `check --image`.
enum VulnerabilityScan {
    static func review(_ bill: SoftwareBill, database: AdvisoryDatabase, configuration: Configuration, today: Int,
                       ignoreUnfixed: Bool = false) throws(UsageError) -> VulnerabilityReview {
        var vulnerabilities: [Vulnerability]
        do {
            vulnerabilities = try VulnerabilityMatcher.match(bill.packages, distribution: bill.distribution.map { ($0.id, $0.versionID) },
                                                             database: database)
        } catch {
            throw UsageError(message: error.description)
        }
        if ignoreUnfixed { vulnerabilities.removeAll { $0.fixedVersion == nil } }
        let review = VulnerabilityReview(vulnerabilities, exceptions: configuration.vulnerabilityExceptions, today: today)
        for exception in review.expired {
            Output.error("plimsoll: warning: the exception for \(exception.id) expired on \(exception.expiresText ?? "?") and no longer applies (\(exception.reason))\n")
        }
        return review
    }
}
