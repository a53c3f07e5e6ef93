import Advisories
import ArgumentParser
import Packages
import Reports
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Find known vulnerabilities in an image's packages, offline, with the local OSV database.",
        discussion: """
            Debian and Ubuntu packages are matched by source package, Alpine ones by origin, Python, npm and \
            Go ones by name. Load advisories first with `plimsoll db import`.
            """)

    @Argument(help: "The image to scan (same forms as `plimsoll image`).")
    var reference: String

    @Option(name: .shortAndLong, help: "Output format: \(VulnerabilityFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: String = "text"

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a vulnerability is at or above this severity: critical, high, medium, low, never. Default: high.")
    var failOn: String = "high"

    @ArgumentParser.Flag(name: .customLong("ignore-unfixed"), help: "Leave out vulnerabilities without a fixed version.")
    var ignoreUnfixed = false

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
        let store = try database.open(readOnly: true)
        let (image, changes) = try reading.read(reference, capture: { _ in SoftwareBill.bytesWanted }, inspector: SoftwareBill.inspector)
        let bill = SoftwareBill(reference: reference, image: image, changes: changes, created: DocumentStamp.now(), documentID: DocumentStamp.uuid())
        var vulnerabilities: [Vulnerability]
        do {
            vulnerabilities = try VulnerabilityMatcher.match(bill.packages, distribution: bill.distribution.map { ($0.id, $0.versionID) },
                                                             database: store)
        } catch {
            throw UsageError(message: error.description)
        }
        if ignoreUnfixed { vulnerabilities.removeAll { $0.fixedVersion == nil } }
        Output.standard(chosen.render(bill, vulnerabilities))
        let threshold = Self.levels.firstIndex(of: failOn) ?? Self.levels.count
        if vulnerabilities.contains(where: { (Self.levels.firstIndex(of: $0.severity) ?? -1) >= threshold }) { throw ExitCode(1) }
    }
}
