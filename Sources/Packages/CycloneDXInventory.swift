import ContainerImage
import Foundation

/// The packages of a CycloneDX JSON document that plimsoll or syft wrote, read back from each
/// component's purl, so `scan --sbom` matches an inventory made elsewhere (or earlier, in CI).
public enum CycloneDXInventory {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    public struct Inventory: Sendable {
        public var distribution: OSRelease?
        public var packages: [InstalledPackage]
        /// Components whose purl type plimsoll does not match (cargo, nuget…) or without a purl.
        public var skipped: Int
        /// `metadata.component.name`: the image the document describes.
        public var subject: String?
    }

    private struct Document: Decodable {
        var bomFormat: String?
        var metadata: Metadata?
        var components: [Component]?
    }

    private struct Metadata: Decodable {
        var component: Component?
    }

    private struct Component: Decodable {
        var type: String?
        var name: String?
        var version: String?
        var purl: String?
        var properties: [Property]?
        var components: [Component]?
    }

    private struct Property: Decodable {
        var name: String?
        var value: String?
    }

    public static func read(_ bytes: [UInt8]) throws(Failure) -> Inventory {
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: Data(bytes))
        } catch {
            throw Failure(description: "not a CycloneDX JSON document (\(Self.reason(error)))")
        }
        guard document.bomFormat == "CycloneDX" else { throw Failure(description: "not a CycloneDX JSON document (bomFormat is not \"CycloneDX\")") }
        var components: [Component] = []
        var pending = document.components ?? []
        while let component = pending.popLast() {
            components.append(component)
            pending += component.components ?? []
        }
        var inventory = Inventory(distribution: nil, packages: [], skipped: 0, subject: document.metadata?.component?.name)
        if let system = components.first(where: { $0.type == "operating-system" }), let id = system.name {
            inventory.distribution = OSRelease(id: id, versionID: system.version)
        }
        for component in components where component.type != "operating-system" {
            guard let purl = component.purl, let parts = PackageURL.parse(purl), let type = PackageType(purlType: parts.type),
                  let version = parts.version ?? component.version else {
                inventory.skipped += 1
                continue
            }
            if inventory.distribution == nil, let distro = parts.qualifiers["distro"] {
                inventory.distribution = Self.distribution(distro)
            }
            let (sourceName, sourceVersion) = Self.source(parts.qualifiers["upstream"], type: type)
            let name = type == .golang || type == .npm ? (parts.namespace.map { $0 + "/" } ?? "") + parts.name : parts.name
            inventory.packages.append(InstalledPackage(type: type, name: name, version: version, purl: purl,
                                                       locations: Self.locations(component.properties ?? []),
                                                       architecture: parts.qualifiers["arch"], sourceName: sourceName, sourceVersion: sourceVersion))
        }
        inventory.packages.sort { ($0.type, $0.name, $0.version) < ($1.type, $1.name, $1.version) }
        return inventory
    }

    /// `debian-12`, `ubuntu-22.04`, `alpine-3.19.1`: the id, then the version.
    static func distribution(_ qualifier: String) -> OSRelease {
        guard let dash = qualifier.firstIndex(of: "-") else { return OSRelease(id: qualifier) }
        return OSRelease(id: String(qualifier[..<dash]), versionID: String(qualifier[qualifier.index(after: dash)...]))
    }

    /// dpkg's `upstream=openssl@3.0.11-1` (source name and version) or apk's `upstream=openssl` (origin).
    /// rpm's is a source rpm file name, which matching does not use.
    static func source(_ upstream: String?, type: PackageType) -> (String?, String?) {
        guard let upstream, !upstream.isEmpty, type == .deb || type == .apk else { return (nil, nil) }
        guard let at = upstream.firstIndex(of: "@") else { return (upstream, nil) }
        return (String(upstream[..<at]), String(upstream[upstream.index(after: at)...]))
    }

    /// plimsoll writes each location's path and layer index; syft names layers by digest, which
    /// without the image gives no index, so its locations are left out.
    private static func locations(_ properties: [Property]) -> [PackageLocation] {
        var locations: [PackageLocation] = []
        var path: String?
        for property in properties {
            switch property.name {
            case "plimsoll:location:path": path = property.value
            case "plimsoll:location:layer":
                if let path, let layer = property.value.flatMap({ Int($0) }) { locations.append(PackageLocation(path: path, layer: layer)) }
                path = nil
            default: break
            }
        }
        return locations
    }

    private static func reason(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context): context.debugDescription
        case DecodingError.typeMismatch(_, let context): "\(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
        default: "malformed JSON"
        }
    }
}

extension PackageType {
    /// The purl types plimsoll catalogs and matches; nil for the others.
    public init?(purlType: String) {
        self.init(rawValue: purlType == "python" ? "pypi" : purlType)
    }
}
