import ContainerImage
import Foundation
import Packages
import Reports
import Testing

/// CycloneDX and SPDX documents rendered from an inventory, field by field.
@Suite struct SBOMFormatTests {
    static let bill = SoftwareBill(
        reference: "app.tar", image: nil, distribution: OSRelease(id: "debian", versionID: "12"),
        packages: [
            InstalledPackage(type: .deb, name: "libssl3", version: "3.0.11-1~deb12u2", purl: "pkg:deb/debian/libssl3@3.0.11-1~deb12u2?distro=debian-12",
                             locations: [PackageLocation(path: "/var/lib/dpkg/status", layer: 0)], licenses: ["Apache-2.0"], sourceName: "openssl"),
            InstalledPackage(type: .npm, name: "@scope/util", version: "0.2.0", purl: "pkg:npm/%40scope/util@0.2.0",
                             locations: [PackageLocation(path: "/srv/node_modules/@scope/util/package.json", layer: 1)]),
        ],
        warnings: [], created: "2026-12-07T00:00:00Z", documentID: "0f8fad5b-d9cb-469f-a165-70867728950e")

    static func document(_ format: SBOMFormat) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(format.render(bill).utf8)) as? [String: Any])
    }

    @Test func cycloneDXNamesTheImageTheOperatingSystemAndEachPackage() throws {
        let document = try Self.document(.cyclonedxJSON)
        #expect(document["bomFormat"] as? String == "CycloneDX" && document["specVersion"] as? String == "1.6")
        #expect(document["serialNumber"] as? String == "urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e")
        let metadata = try #require(document["metadata"] as? [String: Any])
        #expect(metadata["timestamp"] as? String == "2026-12-07T00:00:00Z")
        #expect((metadata["component"] as? [String: Any])?["name"] as? String == "app.tar")
        let components = try #require(document["components"] as? [[String: Any]])
        #expect(components.map { $0["type"] as? String } == ["operating-system", "library", "library"])
        #expect(components.first?["name"] as? String == "debian" && components.first?["version"] as? String == "12")
        let ssl = try #require(components.first { $0["name"] as? String == "libssl3" })
        #expect(ssl["purl"] as? String == "pkg:deb/debian/libssl3@3.0.11-1~deb12u2?distro=debian-12" && ssl["bom-ref"] as? String == ssl["purl"] as? String)
        let license = ((ssl["licenses"] as? [[String: Any]])?.first?["license"] as? [String: Any])?["name"] as? String
        #expect(license == "Apache-2.0")
        let properties = try #require(ssl["properties"] as? [[String: String]])
        #expect(properties.contains(["name": "plimsoll:location:layer", "value": "0"]) && properties.contains(["name": "plimsoll:package:type", "value": "deb"]))
        let util = try #require(components.first { $0["name"] as? String == "@scope/util" })
        #expect(util["licenses"] == nil, "no licence is claimed for a package that declares none")
    }

    @Test func spdxDescribesTheImageThatContainsEachPackage() throws {
        let document = try Self.document(.spdxJSON)
        #expect(document["spdxVersion"] as? String == "SPDX-2.3" && document["dataLicense"] as? String == "CC0-1.0")
        #expect((document["documentNamespace"] as? String)?.hasSuffix("0f8fad5b-d9cb-469f-a165-70867728950e") == true)
        let packages = try #require(document["packages"] as? [[String: Any]])
        #expect(packages.count == 3 && packages.first?["primaryPackagePurpose"] as? String == "CONTAINER")
        let ids = packages.compactMap { $0["SPDXID"] as? String }
        #expect(Set(ids).count == 3 && ids.allSatisfy { $0.hasPrefix("SPDXRef-") })
        let util = try #require(packages.first { $0["name"] as? String == "@scope/util" })
        let reference = (util["externalRefs"] as? [[String: Any]])?.first
        #expect(reference?["referenceType"] as? String == "purl" && reference?["referenceLocator"] as? String == "pkg:npm/%40scope/util@0.2.0")
        let relationships = try #require(document["relationships"] as? [[String: String]])
        #expect(relationships.first == ["spdxElementId": "SPDXRef-DOCUMENT", "relationshipType": "DESCRIBES", "relatedSpdxElement": ids[0]])
        #expect(relationships.filter { $0["relationshipType"] == "CONTAINS" && $0["spdxElementId"] == ids[0] }.count == 2)
    }
}
