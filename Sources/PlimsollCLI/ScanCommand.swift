import Advisories
import ArgumentParser
import Audit
import Checks
import ContainerImage
import DockerfileSyntax
import Packages
import Reports

struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Find known vulnerabilities in an image's packages, offline, with the local OSV database.",
        discussion: """
            Debian and Ubuntu packages are matched by source package, Alpine ones by origin, RHEL, AlmaLinux \
            and Rocky rpms, Python, npm, Go, Maven, RubyGems and crates.io packages by name. Load advisories first with `plimsoll db update` or `plimsoll db import`. \
            Accepted risks go in .plimsoll.yaml under ignore-vulnerabilities (id, reason, package, expires).
            """)

    @ArgumentParser.Argument(help: "The image to scan (same forms as `plimsoll image`).")
    var reference: String?

    @Option(help: "Scan the packages of a CycloneDX JSON SBOM (written by `plimsoll sbom` or syft) instead of an image.")
    var sbom: String?

    @Option(name: .shortAndLong, help: "Output format: \(VulnerabilityFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: String = "text"

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a vulnerability is at or above this severity: \(VulnerabilityThreshold.choices).")
    var failOn: String = "high"

    @ArgumentParser.Flag(name: .customLong("ignore-unfixed"), help: "Leave out vulnerabilities without a fixed version.")
    var ignoreUnfixed = false

    @Option(help: "The Dockerfile the image was built from: name the line that installed each vulnerable package.")
    var dockerfile: String?

    @Option(name: .customLong("config"), help: "Configuration file. Default: .plimsoll.yaml in the working directory or the nearest parent.")
    var configPath: String?

    @OptionGroup var database: DatabaseLocation

    @OptionGroup var reading: ImageReadOptions

    @OptionGroup var cache: CacheFlag

    func run() throws {
        guard let chosen = VulnerabilityFormat(rawValue: format.lowercased()) else {
            throw UsageError(message: "unknown format '\(format)' (choose from \(VulnerabilityFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        guard let threshold = VulnerabilityThreshold(failOn) else {
            throw UsageError(message: "--fail-on '\(failOn)' is not one of \(VulnerabilityThreshold.choices)")
        }
        let source: InventorySource
        switch (reference, sbom) {
        case (nil, nil): throw UsageError(message: "name an image to scan, or an SBOM with --sbom FILE")
        case (.some, .some): throw UsageError(message: "scan either an image or --sbom, not both")
        case (let reference?, nil): source = .image(reference)
        case (nil, let sbom?): source = .sbom(sbom)
        }
        try InventoryAudit.check(source, joinsDockerfile: dockerfile != nil)
        let settings = AuditSettings(configuration: try ConfigurationFile.load(configPath, searchingFrom: "."), today: try AuditSettings.today())
        let built = try dockerfile.map(SourceFile.dockerfile)
        let store = try database.location.open(readOnly: true)
        let inventory = try InventoryAudit(reading: try reading.values(noCache: cache.noCache)).read(source, dockerfile: built)
        let scan = try VulnerabilityAudit(settings: settings, ignoresUnfixed: ignoreUnfixed).scan(inventory, database: store)
        Output.notes(scan.notes)
        Output.standard(chosen.render(scan))
        if scan.review.reported.contains(where: { threshold.isMet(by: $0.severity) }) { throw ExitCode(1) }
    }
}
