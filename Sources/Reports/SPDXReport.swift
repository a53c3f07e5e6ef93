import Checks
import ContainerImage
import Packages

/// SPDX 2.3 JSON: the image as the described package, containing one package per finding with its
/// purl as a package-manager external reference.
enum SPDXReport {
    static func render(_ bill: SoftwareBill) -> JSONValue {
        let imageID = "SPDXRef-Image"
        var packages: [JSONValue] = [.object([
            ("name", .string(bill.reference)),
            ("SPDXID", .string(imageID)),
            ("versionInfo", .string((bill.image?.manifestDigest ?? bill.image?.configDigest)?.description ?? "")),
            ("downloadLocation", .string("NOASSERTION")),
            ("filesAnalyzed", .bool(false)),
            ("primaryPackagePurpose", .string("CONTAINER")),
        ])]
        var relationships: [JSONValue] = [relationship("SPDXRef-DOCUMENT", "DESCRIBES", imageID)]
        for (index, package) in bill.packages.enumerated() {
            let id = "SPDXRef-Package-\(package.type.rawValue)-\(identifier(package.name))-\(index)"
            var members: [(String, JSONValue)] = [
                ("name", .string(package.name)),
                ("SPDXID", .string(id)),
                ("versionInfo", .string(package.version)),
                ("downloadLocation", .string("NOASSERTION")),
                ("filesAnalyzed", .bool(false)),
                ("licenseConcluded", .string("NOASSERTION")),
                ("licenseDeclared", .string("NOASSERTION")),
                ("copyrightText", .string("NOASSERTION")),
                ("primaryPackagePurpose", .string("LIBRARY")),
                ("externalRefs", .array([.object([
                    ("referenceCategory", .string("PACKAGE-MANAGER")),
                    ("referenceType", .string("purl")),
                    ("referenceLocator", .string(package.purl)),
                ])])),
            ]
            // Declared licenses are free text here, not always SPDX expressions: kept as a comment.
            if !package.licenses.isEmpty { members.append(("licenseComments", .string("declared: " + package.licenses.joined(separator: ", ")))) }
            packages.append(.object(members))
            relationships.append(relationship(imageID, "CONTAINS", id))
        }
        return .object([
            ("spdxVersion", .string("SPDX-2.3")),
            ("dataLicense", .string("CC0-1.0")),
            ("SPDXID", .string("SPDXRef-DOCUMENT")),
            ("name", .string(bill.reference)),
            ("documentNamespace", .string("https://plimsoll.invalid/spdx/\(identifier(bill.reference))-\(bill.documentID)")),
            ("creationInfo", .object([
                ("created", .string(bill.created)),
                ("creators", .array([.string("Tool: \(ToolInfo.name)-\(ToolInfo.version)")])),
            ])),
            ("packages", .array(packages)),
            ("relationships", .array(relationships)),
        ])
    }

    private static func relationship(_ element: String, _ type: String, _ related: String) -> JSONValue {
        .object([("spdxElementId", .string(element)), ("relationshipType", .string(type)), ("relatedSpdxElement", .string(related))])
    }

    /// SPDX ids allow letters, digits, `.` and `-` only.
    static func identifier(_ text: String) -> String {
        String(text.unicodeScalars.map { scalar -> Character in
            (scalar.properties.isAlphabetic && scalar.isASCII) || ("0"..."9").contains(scalar) || scalar == "." || scalar == "-" ? Character(scalar) : "-"
        })
    }
}
