import Checks
import ContainerImage
import Packages

/// Output formats of `plimsoll sbom`, named as on the command line.
public enum SBOMFormat: String, Sendable, CaseIterable {
    case table
    case json
    case cyclonedxJSON = "cyclonedx-json"
    case spdxJSON = "spdx-json"

    public func render(_ bill: SoftwareBill) -> String {
        switch self {
        case .table: SBOMTable.render(bill)
        case .json: SBOMJSON.render(bill).rendered()
        case .cyclonedxJSON: CycloneDXReport.render(bill).rendered()
        case .spdxJSON: SPDXReport.render(bill).rendered()
        }
    }
}

/// `NAME  VERSION  TYPE` columns, as syft prints them.
enum SBOMTable {
    static func render(_ bill: SoftwareBill) -> String {
        let rows = [("NAME", "VERSION", "TYPE")] + bill.packages.map { ($0.name, $0.version, $0.type.rawValue) }
        let nameWidth = rows.map(\.0.count).max() ?? 4
        let versionWidth = rows.map(\.1.count).max() ?? 7
        var output = ""
        for (name, version, type) in rows {
            output += name + String(repeating: " ", count: nameWidth - name.count + 2)
                + version + String(repeating: " ", count: versionWidth - version.count + 2) + type + "\n"
        }
        if bill.packages.isEmpty { output += "No packages found in \(bill.reference).\n" }
        return output
    }
}

/// The plimsoll document (version 1) with a `packages` section.
enum SBOMJSON {
    static func render(_ bill: SoftwareBill) -> JSONValue {
        .object([
            ("version", .number(1)),
            ("tool", .object([("name", .string(ToolInfo.name)), ("version", .string(ToolInfo.version))])),
            ("image", .object([
                ("reference", .string(bill.reference)),
                ("digest", bill.image?.manifestDigest.map { .string($0.description) } ?? .null),
                ("configDigest", bill.image.map { .string($0.configDigest.description) } ?? .null),
                ("platform", bill.image?.platform.map { .string($0.description) } ?? .null),
            ])),
            ("distribution", bill.distribution.map { distribution in
                .object([
                    ("id", .string(distribution.id)),
                    ("versionID", distribution.versionID.map(JSONValue.string) ?? .null),
                    ("codename", distribution.codename.map(JSONValue.string) ?? .null),
                ])
            } ?? .null),
            ("packages", .array(bill.packages.map { package in
                .object([
                    ("type", .string(package.type.rawValue)),
                    ("name", .string(package.name)),
                    ("version", .string(package.version)),
                    ("purl", .string(package.purl)),
                    ("licenses", .array(package.licenses.map(JSONValue.string))),
                    ("architecture", package.architecture.map(JSONValue.string) ?? .null),
                    ("source", package.sourceName.map { name in
                        .object([("name", .string(name)), ("version", package.sourceVersion.map(JSONValue.string) ?? .null)])
                    } ?? .null),
                    ("locations", .array(package.locations.map { .object([("path", .string($0.path)), ("layer", .number($0.layer))]) })),
                ])
            })),
            ("warnings", .array(bill.warnings.map { .object([("path", .string($0.path)), ("message", .string($0.message))]) })),
        ])
    }
}
