import ArgumentParser
import Audit
import Packages
import Reports
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct SBOMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sbom",
        abstract: "List the packages in an image: dpkg (and distroless status.d), rpm, apk, Python, npm, Ruby gems, Go modules and Java archives, as a table, JSON, CycloneDX or SPDX.",
        discussion: """
            REF takes the same forms as `plimsoll image`. Only the package databases and manifests are \
            read from the layers. A malformed database entry is reported on stderr as a warning and \
            the rest of the inventory is still produced.
            """)

    @Argument(help: "The image to read.")
    var reference: String

    @Option(name: .shortAndLong, help: "Output format: \(SBOMFormat.allCases.map(\.rawValue).joined(separator: ", ")). Default: table on a terminal, json otherwise.")
    var format: String?

    @OptionGroup var reading: ImageReadOptions

    @OptionGroup var cache: CacheFlag

    func run() throws {
        let chosen: SBOMFormat
        if let format {
            guard let known = SBOMFormat(rawValue: format.lowercased()) else {
                throw UsageError(message: "unknown format '\(format)' (choose from \(SBOMFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            chosen = known
        } else {
            chosen = isatty(STDOUT_FILENO) == 1 ? .table : .json
        }
        let (bill, document) = try InventoryAudit(reading: try reading.values(noCache: cache.noCache)).image(reference, document: chosen.render)
        for warning in bill.warnings { Output.error("plimsoll: warning: \(warning)\n") }
        Output.standard(document)
    }
}
