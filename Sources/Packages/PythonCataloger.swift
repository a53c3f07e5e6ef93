import ContainerImage

/// Python distributions: `*.dist-info/METADATA`, `*.egg-info/PKG-INFO` and single-file `*.egg-info`.
struct PythonCataloger: Cataloger {
    func reads(_ path: String) -> Bool {
        path.hasSuffix(".dist-info/METADATA") || path.hasSuffix(".egg-info/PKG-INFO") || path.hasSuffix(".egg-info")
    }

    func catalog(_ file: CatalogFile, distribution: OSRelease?) -> ([InstalledPackage], [CatalogWarning]) {
        // METADATA is RFC 822 headers, then a blank line and the long description.
        guard let headers = ControlFields.debian(file.text).first else {
            return ([], [CatalogWarning(path: "/" + file.path, message: "no metadata headers")])
        }
        guard let name = headers["Name"], !name.isEmpty, let version = headers["Version"], !version.isEmpty else {
            return ([], [CatalogWarning(path: "/" + file.path, message: "metadata without Name or Version")])
        }
        var licenses: [String] = []
        if let expression = headers["License-Expression"], !expression.isEmpty {
            licenses = [expression]
        } else if let license = headers["License"], !license.isEmpty, license != "UNKNOWN", !license.contains("\n") {
            licenses = [license]
        }
        let purl = PackageURL.make(type: "pypi", name: PackageNames.pep503(name), version: version)
        return ([InstalledPackage(type: .python, name: name, version: version, purl: purl, locations: [file.location], licenses: licenses)], [])
    }
}
