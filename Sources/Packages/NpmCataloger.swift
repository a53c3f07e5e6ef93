import ContainerImage
import Foundation

/// npm packages: every `package.json` with a name and a version — those under `node_modules` and
/// the application's own, as syft reports them.
struct NpmCataloger: Cataloger {
    func reads(_ path: String) -> Bool { path.fileName == "package.json" }

    private struct Manifest: Decodable {
        var name: String?
        var version: String?
        var license: License?

        enum License: Decodable {
            case text(String)
            case object(type: String?)

            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let text = try? container.decode(String.self) {
                    self = .text(text)
                } else {
                    struct Object: Decodable { var type: String? }
                    self = .object(type: (try? container.decode(Object.self))?.type)
                }
            }

            var value: String? {
                switch self {
                case .text(let text): text
                case .object(let type): type
                }
            }
        }
    }

    func catalog(_ file: CatalogFile, distribution: OSRelease?) -> ([InstalledPackage], [CatalogWarning]) {
        let manifest: Manifest
        do {
            manifest = try JSONDecoder().decode(Manifest.self, from: Data(file.content))
        } catch {
            return ([], [CatalogWarning(path: "/" + file.path, message: "not a valid package.json")])
        }
        guard let name = manifest.name, !name.isEmpty, let version = manifest.version, !version.isEmpty else { return ([], []) }
        var namespace: String?
        var bareName = name
        if name.hasPrefix("@"), let slash = name.firstIndex(of: "/") {
            namespace = String(name[..<slash])
            bareName = String(name[name.index(after: slash)...])
        }
        let purl = PackageURL.make(type: "npm", namespace: namespace, name: bareName, version: version)
        let licenses = manifest.license?.value.map { [$0] } ?? []
        return ([InstalledPackage(type: .npm, name: name, version: version, purl: purl, locations: [file.location], licenses: licenses)], [])
    }
}
