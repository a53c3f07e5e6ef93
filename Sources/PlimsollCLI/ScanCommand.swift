import Advisories
import ArgumentParser
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
        switch (reference, sbom) {
        case (nil, nil): throw UsageError(message: "name an image to scan, or an SBOM with --sbom FILE")
        case (.some, .some): throw UsageError(message: "scan either an image or --sbom, not both")
        case (nil, .some) where dockerfile != nil: throw UsageError(message: "--dockerfile needs an image: an SBOM has no layer history to join")
        default: break
        }
        let configuration = try CommonValues.loadConfiguration(configPath, searchingFrom: ".")
        let today = try CommonValues.today()
        let source = try dockerfile.map { (path) throws(UsageError) in SourceFile(path: path, bytes: try InputFiles.read(path)) }
        let store = try database.open(readOnly: true)
        let (bill, placement) = try inventory(dockerfile: source)
        let review = try VulnerabilityScan.review(bill, database: store, configuration: configuration, today: today, ignoreUnfixed: ignoreUnfixed)
        Output.standard(chosen.render(bill, review, placement: placement))
        let threshold = Self.levels.firstIndex(of: failOn) ?? Self.levels.count
        if review.reported.contains(where: { (Self.levels.firstIndex(of: $0.severity) ?? -1) >= threshold }) { throw ExitCode(1) }
    }

    /// The packages to match, from the image or the SBOM, and where findings about them go.
    private func inventory(dockerfile: SourceFile?) throws(UsageError) -> (SoftwareBill, LayerPlacement) {
        if let sbom {
            let bytes = try InputFiles.read(sbom, limit: 512 << 20)
            let inventory: CycloneDXInventory.Inventory
            do {
                inventory = try CycloneDXInventory.read(bytes)
            } catch {
                throw UsageError(message: "\(sbom): \(error.description)")
            }
            if inventory.skipped > 0 {
                Output.error("plimsoll: note: \(inventory.skipped) components of \(sbom) have no purl of a type plimsoll matches (deb, rpm, apk, pypi, npm, golang, maven, gem, cargo)\n")
            }
            let bill = SoftwareBill(reference: sbom, image: nil, distribution: inventory.distribution, packages: inventory.packages, warnings: [],
                                    created: DocumentStamp.now(), documentID: DocumentStamp.uuid())
            return (bill, LayerPlacement(reference: sbom, origins: [], dockerfile: nil))
        }
        let reference = reference ?? "-"
        return try reading.read(reference, capture: { _ in SoftwareBill.bytesWanted }, inspector: SoftwareBill.inspector) { image, changes in
            let bill = SoftwareBill(reference: reference, image: image, changes: changes, created: DocumentStamp.now(),
                                    documentID: DocumentStamp.uuid())
            return (bill, LayerPlacement(reference: reference, imageConfiguration: image.configuration, layerCount: changes.count,
                                         dockerfile: dockerfile, options: BuildOptions()))
        }
    }
}
