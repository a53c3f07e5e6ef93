import Advisories
import Checks
import ContainerImage
import DockerfileSyntax
import Packages

/// Where an inventory comes from: an image's layers, or an SBOM someone already made.
public enum InventorySource: Sendable, Equatable {
    case image(String)
    /// A CycloneDX JSON document (plimsoll's or syft's).
    case sbom(String)
}

/// The packages of an image or SBOM, where findings about them go, and what could not be used.
public struct Inventory: Sendable {
    public var bill: SoftwareBill
    public var placement: LayerPlacement
    public var notes: [AuditNote]
}

/// Builds inventories: the part of `sbom` and `scan` that reads packages.
public struct InventoryAudit: Sendable {
    public var reading: ImageReading

    public init(reading: ImageReading = ImageReading()) {
        self.reading = reading
    }

    /// The image's packages, and `document` made from them while the last digests are checked.
    public func image<Document>(_ reference: String, document: (SoftwareBill) -> Document) throws(AuditError) -> (SoftwareBill, Document) {
        try image(reference) { bill, _, _ in document(bill) }
    }

    private func image<Document>(_ reference: String,
                                 document: (SoftwareBill, Image, [LayerChanges]) -> Document) throws(AuditError) -> (SoftwareBill, Document) {
        try reading.read(reference, capture: { _ in SoftwareBill.bytesWanted }, inspector: SoftwareBill.inspector, extraction: "packages") { image, changes in
            let bill = SoftwareBill(reference: reference, image: image, changes: changes, created: DocumentStamp.now(), documentID: DocumentStamp.uuid())
            return (bill, document(bill, image, changes))
        }
    }

    /// Refuses what cannot be done before anything is read: only an image has layers to join a Dockerfile to.
    public static func check(_ source: InventorySource, joinsDockerfile: Bool) throws(AuditError) {
        if case .sbom = source, joinsDockerfile { throw AuditError("--dockerfile needs an image: an SBOM has no layer history to join") }
    }

    /// The inventory to match; with `dockerfile` (images only), findings name the line that installed each package.
    public func read(_ source: InventorySource, dockerfile: SourceFile? = nil) throws(AuditError) -> Inventory {
        switch source {
        case .image(let reference):
            let (bill, placement) = try image(reference) { _, image, changes in
                LayerPlacement(reference: reference, imageConfiguration: image.configuration, layerCount: changes.count,
                               dockerfile: dockerfile, options: BuildOptions())
            }
            return Inventory(bill: bill, placement: placement, notes: [])
        case .sbom(let path):
            try Self.check(source, joinsDockerfile: dockerfile != nil)
            let bytes = try InputFiles.read(path, as: .sbom)
            let inventory: CycloneDXInventory.Inventory
            do {
                inventory = try CycloneDXInventory.read(bytes)
            } catch {
                throw AuditError("\(path): \(error.description)")
            }
            var notes: [AuditNote] = []
            if inventory.skipped > 0 {
                notes.append(AuditNote(.note, "\(inventory.skipped) components of \(path) have no purl of a type plimsoll matches (deb, rpm, apk, pypi, npm, golang, maven, gem, cargo)"))
            }
            let bill = SoftwareBill(reference: path, image: nil, distribution: inventory.distribution, packages: inventory.packages, warnings: [],
                                    created: DocumentStamp.now(), documentID: DocumentStamp.uuid())
            return Inventory(bill: bill, placement: LayerPlacement(reference: path, origins: [], dockerfile: nil), notes: notes)
        }
    }
}
