import ContainerImage

/// Installed Ruby gems: the `specifications/*.gemspec` files RubyGems writes for each one
/// (`/usr/local/bundle`, `/usr/lib/ruby/gems/*/specifications/default`, `/var/lib/gems`…). They are
/// Ruby, but generated in one fixed form, so the `name`, `version` and `licenses` assignments are
/// read without running anything.
struct GemspecCataloger: Cataloger {
    func reads(_ path: String) -> Bool {
        path.hasSuffix(".gemspec") && (path.hasPrefix("specifications/") || path.contains("/specifications/"))
    }

    func catalog(_ file: CatalogFile, distribution: OSRelease?) -> ([InstalledPackage], [CatalogWarning]) {
        var fields: [String: [String]] = [:]
        for rawLine in file.text.split(separator: "\n") {
            let line = rawLine.trimmingSpaces()
            // `s.name = "rake".freeze`, `spec.version = "13.0.6"`, `s.licenses = ["MIT".freeze]`
            guard let dot = line.firstIndex(of: "."), let equals = line.range(of: " = ") else { continue }
            let receiver = line[..<dot]
            guard !receiver.isEmpty, receiver.allSatisfy({ $0.isLetter || $0 == "_" }), dot < equals.lowerBound else { continue }
            let key = String(line[line.index(after: dot)..<equals.lowerBound])
            guard ["name", "version", "license", "licenses"].contains(key), fields[key] == nil else { continue }
            fields[key] = Self.strings(line[equals.upperBound...])
        }
        guard let name = fields["name"]?.first, !name.isEmpty, let version = fields["version"]?.first, !version.isEmpty else {
            return ([], [CatalogWarning(path: "/" + file.path, message: "a gemspec without a name or version")])
        }
        let licenses = fields["licenses"] ?? fields["license"] ?? []
        let purl = PackageURL.make(type: "gem", name: name, version: version)
        return ([InstalledPackage(type: .gem, name: name, version: version, purl: purl, locations: [file.location], licenses: licenses)], [])
    }

    /// The string literals of a Ruby expression: `"a"`, `'a'`, `%q{a}`, each possibly `.freeze`d,
    /// alone, in an array, or inside `Gem::Version.new(…)`.
    static func strings(_ expression: Substring) -> [String] {
        var found: [String] = []
        var rest = expression[...]
        while let start = rest.firstIndex(where: { $0 == "\"" || $0 == "'" || $0 == "%" }) {
            if rest[start] == "%" {
                let after = rest[rest.index(after: start)...]
                guard after.hasPrefix("q{"), let close = after.firstIndex(of: "}") else { break }
                found.append(String(after.dropFirst(2)[..<close]))
                rest = after[after.index(after: close)...]
                continue
            }
            let quote = rest[start]
            let body = rest[rest.index(after: start)...]
            guard let end = body.firstIndex(of: quote) else { break }
            found.append(String(body[..<end]))
            rest = body[body.index(after: end)...]
        }
        return found
    }
}
