import Checks
import ContainerImage
import Packages

/// CycloneDX 1.6 JSON: the image as `metadata.component`, the distribution as an operating-system
/// component, each package as a library with its purl, licenses and where it was found.
enum CycloneDXReport {
    static func render(_ bill: SoftwareBill) -> JSONValue {
        var components: [JSONValue] = []
        if let distribution = bill.distribution {
            components.append(.object([
                ("type", .string("operating-system")),
                ("bom-ref", .string("os:" + distribution.id + "@" + (distribution.versionID ?? ""))),
                ("name", .string(distribution.id)),
                ("version", .string(distribution.versionID ?? "")),
            ]))
        }
        for package in bill.packages {
            var members: [(String, JSONValue)] = [
                ("type", .string("library")),
                ("bom-ref", .string(package.purl)),
                ("name", .string(package.name)),
                ("version", .string(package.version)),
                ("purl", .string(package.purl)),
            ]
            if !package.licenses.isEmpty {
                members.append(("licenses", .array(package.licenses.map { .object([("license", .object([("name", .string($0))]))]) })))
            }
            var properties: [JSONValue] = [.object([("name", .string("plimsoll:package:type")), ("value", .string(package.type.rawValue))])]
            for location in package.locations {
                properties.append(.object([("name", .string("plimsoll:location:path")), ("value", .string(location.path))]))
                properties.append(.object([("name", .string("plimsoll:location:layer")), ("value", .string(String(location.layer)))]))
            }
            members.append(("properties", .array(properties)))
            components.append(.object(members))
        }
        var image: [(String, JSONValue)] = [
            ("type", .string("container")),
            ("bom-ref", .string("image:" + bill.reference)),
            ("name", .string(bill.reference)),
        ]
        if let digest = bill.image?.manifestDigest ?? bill.image?.configDigest { image.append(("version", .string(digest.description))) }
        return .object([
            ("$schema", .string("http://cyclonedx.org/schema/bom-1.6.schema.json")),
            ("bomFormat", .string("CycloneDX")),
            ("specVersion", .string("1.6")),
            ("serialNumber", .string("urn:uuid:" + bill.documentID)),
            ("version", .number(1)),
            ("metadata", .object([
                ("timestamp", .string(bill.created)),
                ("tools", .object([("components", .array([.object([
                    ("type", .string("application")), ("name", .string(ToolInfo.name)), ("version", .string(ToolInfo.version)),
                ])]))])),
                ("component", .object(image)),
            ])),
            ("components", .array(components)),
        ])
    }
}
