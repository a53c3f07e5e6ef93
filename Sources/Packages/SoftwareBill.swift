import ContainerImage

/// What `plimsoll sbom` found in one image: the image, its distribution and its packages.
public struct SoftwareBill: Sendable {
    public var reference: String
    public var image: Image?
    public var distribution: OSRelease?
    public var packages: [InstalledPackage]
    public var warnings: [CatalogWarning]
    /// `2026-11-28T19:00:00Z`, when the document was made.
    public var created: String
    /// A random UUID identifying this document (CycloneDX serial number, SPDX namespace).
    public var documentID: String

    public init(reference: String, image: Image?, distribution: OSRelease?, packages: [InstalledPackage], warnings: [CatalogWarning],
                created: String, documentID: String) {
        self.reference = reference
        self.image = image
        self.distribution = distribution
        self.packages = packages
        self.warnings = warnings
        self.created = created
        self.documentID = documentID
    }

    /// Reads the packages of an already streamed image.
    public init(reference: String, image: Image?, changes: [LayerChanges], created: String, documentID: String) {
        let tree = FileTree(layers: changes)
        let distribution = OSRelease.detect { tree.capturedContent($0, in: changes) }
        let inspected = Self.inspected(in: tree, changes: changes)
        let (packages, warnings) = PackageCatalog.inventory(PackageCatalog.files(in: tree, changes: changes), distribution: distribution,
                                                            inspected: inspected.packages) { tree.capturedContent($0, in: changes) }
        self.init(reference: reference, image: image, distribution: distribution, packages: packages, warnings: warnings + inspected.warnings,
                  created: created, documentID: documentID)
    }

    /// Java archives stream past a manifest and pom.properties reader, executables past a Go
    /// build-information search.
    public static func inspector(path: String, size: Int64, mode: UInt32) -> (any ContentInspector)? {
        if JavaArchiveInspector.isArchive(path) { return JavaArchiveInspector() }
        return GoModules.isCandidate(size: size, mode: mode) ? GoBuildInfoInspector() : nil
    }

    /// The packages of what the inspectors extracted from files of the final filesystem.
    private static func inspected(in tree: FileTree, changes: [LayerChanges]) -> (packages: [InstalledPackage], warnings: [CatalogWarning]) {
        var packages: [InstalledPackage] = []
        var warnings: [CatalogWarning] = []
        tree.forEachNode { node in
            guard node.kind == .regular, let entry = node.entry, changes.indices.contains(node.layer),
                  let blob = changes[node.layer].extracted[entry] else { return }
            let path = changes[node.layer].entries[entry].path
            if JavaArchiveInspector.isArchive(path) {
                let found = JavaArchives.packages(path: path, layer: node.layer, blob: blob)
                packages += found.packages
                warnings += found.warnings
            } else {
                packages += GoModules.packages(path: path, layer: node.layer, blob: blob)
            }
        }
        return (packages, warnings)
    }

    /// What the layer pass must read for an inventory: the catalogers' files and the release files.
    public static func bytesWanted(path: String, size: Int64) -> Int {
        OSRelease.paths.contains(path) ? 4096 : PackageCatalog.bytesWanted(path: path, size: size)
    }
}
