import ContainerImage

/// A file of the final filesystem with the content the catalogers asked for.
public struct CatalogFile: Sendable {
    /// Relative to the image root: `var/lib/dpkg/status`.
    public var path: String
    public var layer: Int
    public var content: [UInt8]

    public init(path: String, layer: Int, content: [UInt8]) {
        self.path = path
        self.layer = layer
        self.content = content
    }

    var location: PackageLocation { PackageLocation(path: "/" + path, layer: layer) }
    var text: String { String(decoding: content, as: UTF8.self) }
}

/// One package database or manifest format: which files it reads, and how.
protocol Cataloger: Sendable {
    /// Whether `path` is one of this cataloger's files; checked for every file of every layer.
    func reads(_ path: String) -> Bool
    /// The most bytes of such a file worth reading.
    var sizeLimit: Int { get }
    func catalog(_ file: CatalogFile, distribution: OSRelease?) -> ([InstalledPackage], [CatalogWarning])
}

extension Cataloger {
    var sizeLimit: Int { 1 << 20 }
}

extension String {
    /// The last path component.
    var fileName: Substring {
        guard let slash = utf8.lastIndex(of: UInt8(ascii: "/")) else { return Substring(self) }
        return self[utf8.index(after: slash)...]
    }
}
