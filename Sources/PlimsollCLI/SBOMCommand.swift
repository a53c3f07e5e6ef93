import ArgumentParser
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
        abstract: "List the packages in an image: dpkg, apk, Python, npm and Go modules, as a table, JSON, CycloneDX or SPDX.",
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
        let (bill, document) = try reading.read(reference, capture: { _ in SoftwareBill.bytesWanted },
                                                inspector: SoftwareBill.inspector) { image, changes in
            let bill = SoftwareBill(reference: reference, image: image, changes: changes, created: DocumentStamp.now(),
                                    documentID: DocumentStamp.uuid())
            return (bill, chosen.render(bill))
        }
        for warning in bill.warnings { Output.error("plimsoll: warning: \(warning)\n") }
        Output.standard(document)
    }
}

/// The creation time and identity of a generated document.
enum DocumentStamp {
    /// `2026-11-28T19:00:00Z`; `PLIMSOLL_TODAY` fixes the date (at midnight) for reproducible output.
    static func now() -> String {
        if let fixed = getenv("PLIMSOLL_TODAY") { return String(cString: fixed) + "T00:00:00Z" }
        var seconds = time(nil)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// A random (version 4) UUID.
    static func uuid() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        bytes[6] = bytes[6] & 0x0F | 0x40
        bytes[8] = bytes[8] & 0x3F | 0x80
        let hex = bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
        let characters = Array(hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
    }
}
