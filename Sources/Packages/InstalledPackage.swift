/// The ecosystems plimsoll catalogs (crates so far only from SBOMs it reads), named as purl types.
public enum PackageType: String, Sendable, CaseIterable, Comparable {
    case deb
    case rpm
    case apk
    case python = "pypi"
    case npm
    case golang
    case maven
    case gem
    case cargo

    public static func < (lhs: PackageType, rhs: PackageType) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Where a package's evidence is in the image.
public struct PackageLocation: Sendable, Hashable {
    /// Absolute path inside the image.
    public var path: String
    /// 0-based filesystem layer that wrote the file.
    public var layer: Int

    public init(path: String, layer: Int) {
        self.path = path
        self.layer = layer
    }
}

/// One package found in an image.
public struct InstalledPackage: Sendable {
    public var type: PackageType
    public var name: String
    public var version: String
    public var purl: String
    public var locations: [PackageLocation]
    /// As declared (dpkg has none in its database; apk and Python declare them).
    public var licenses: [String]
    public var architecture: String?
    /// The source package (dpkg `Source`, apk origin), when it differs from the name.
    public var sourceName: String?
    public var sourceVersion: String?

    public init(type: PackageType, name: String, version: String, purl: String, locations: [PackageLocation], licenses: [String] = [],
                architecture: String? = nil, sourceName: String? = nil, sourceVersion: String? = nil) {
        self.type = type
        self.name = name
        self.version = version
        self.purl = purl
        self.locations = locations
        self.licenses = licenses
        self.architecture = architecture
        self.sourceName = sourceName
        self.sourceVersion = sourceVersion
    }
}

/// A problem with one database entry: reported, and the rest of the inventory still produced.
public struct CatalogWarning: Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}
