import ContainerImage

/// Runs every cataloger over the files read from an image and merges what they find.
public enum PackageCatalog {
    static let catalogers: [any Cataloger] = [DpkgCataloger(), RPMDatabaseCataloger(), ApkCataloger(), PythonCataloger(), NpmCataloger(),
                                              GemspecCataloger()]

    /// Bytes to read of a file during the layer pass (0: none); the catalogers' files only.
    public static func bytesWanted(path: String, size: Int64) -> Int {
        for cataloger in catalogers where cataloger.reads(path) { return cataloger.sizeLimit }
        if DpkgOwnership.reads(path) { return DpkgOwnership.sizeLimit }
        return DebianCopyright.reads(path) ? DebianCopyright.sizeLimit : 0
    }

    /// The files of the final filesystem whose content a cataloger reads.
    public static func files(in tree: FileTree, changes: [LayerChanges]) -> [CatalogFile] {
        var files: [CatalogFile] = []
        tree.forEachNode { node in
            guard node.kind == .regular, let entry = node.entry, changes.indices.contains(node.layer),
                  let content = changes[node.layer].captured[entry] else { return }
            let path = changes[node.layer].entries[entry].path
            if catalogers.contains(where: { $0.reads(path) }) || DpkgOwnership.reads(path) {
                files.append(CatalogFile(path: path, layer: node.layer, content: content))
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    /// Packages sorted by type, name and version; identical ones found in several places are merged.
    /// `content` reads other captured files of the image by path (Debian's copyright files); by
    /// default only `files` themselves. `inspected` are the packages found in files as they streamed
    /// past (Go modules, Java archives), which the Debian ownership rule applies to as well.
    public static func inventory(_ files: [CatalogFile], distribution: OSRelease?, inspected: [InstalledPackage] = [],
                                 content: ((String) -> [UInt8]?)? = nil) -> (packages: [InstalledPackage], warnings: [CatalogWarning]) {
        var packages = inspected
        var warnings: [CatalogWarning] = []
        for file in files {
            for cataloger in catalogers where cataloger.reads(file.path) {
                let (found, problems) = cataloger.catalog(file, distribution: distribution)
                packages += found
                warnings += problems
            }
        }
        let byPath = content ?? { path in files.first { $0.path == path }?.content }
        let unowned = DpkgOwnership.removingOwned(packages, owned: DpkgOwnership.ownedPaths(files))
        return (merged(DebianCopyright.attach(to: unowned, content: byPath)), warnings)
    }

    /// One package per purl, with every location it was found at, sorted by type, name and version.
    static func merged(_ packages: [InstalledPackage]) -> [InstalledPackage] {
        var found: [String: InstalledPackage] = [:]
        for package in packages {
            if var existing = found[package.purl] {
                existing.locations += package.locations.filter { !existing.locations.contains($0) }
                found[package.purl] = existing
            } else {
                found[package.purl] = package
            }
        }
        return found.values.sorted { ($0.type, $0.name, $0.version, $0.purl) < ($1.type, $1.name, $1.version, $1.purl) }
    }
}
