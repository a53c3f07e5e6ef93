import Foundation

/// Maven packages from what `JavaArchiveInspector` found in a Java archive, named the way syft
/// names them: each archive is a package named after its file (`commons-lang3-3.12.0.jar` is
/// `commons-lang3` 3.12.0, the version otherwise from its manifest), or after its own
/// pom.properties when one names the same artifact; every other pom.properties (shaded or bundled
/// libraries) is a package of its own.
enum JavaArchives {
    static func packages(path: String, layer: Int, blob: [UInt8]) -> (packages: [InstalledPackage], warnings: [CatalogWarning]) {
        let findings = JavaArchiveInspector.decode(blob)
        let location = PackageLocation(path: "/" + path, layer: layer)
        let warnings = findings.filter { $0.kind == .warning }.map { CatalogWarning(path: "/" + path, message: String(decoding: $0.content, as: UTF8.self)) }
        var packages: [InstalledPackage] = []
        for archive in findings where archive.kind == .archive {
            let inside = findings.filter { $0.chain == archive.chain }
            let manifest = inside.first { $0.kind == .manifest }.map { Self.manifest($0.content) } ?? [:]
            // Each pom.properties with the licenses its pom.xml beside it declares.
            let descriptions = Dictionary(inside.filter { $0.kind == .pomXML }.map { ($0.member.dropLast("pom.xml".count), $0.content) }) { first, _ in first }
            let poms = inside.filter { $0.kind == .pom }.map { finding in
                (properties: Self.properties(finding.content),
                 licenses: descriptions[finding.member.dropLast("pom.properties".count)].map(Self.pomLicenses) ?? [])
            }
            let fileName = String((archive.chain.last ?? path).fileName)
            let (fileArtifact, fileVersion) = Self.split(fileName: fileName)
            let name = fileArtifact.isEmpty
                ? (["Name", "Bundle-Name", "Short-Name", "Extension-Name", "Implementation-Title"].lazy.compactMap { manifest[$0] }.first ?? "")
                : fileArtifact
            // The archive's own pom: its artifact id is the file's name, begins with it, or ends it.
            let own = poms.first { pom in
                guard let artifact = pom.properties["artifactId"], !artifact.isEmpty, !name.isEmpty else { return false }
                return artifact.hasPrefix(name) || name.hasSuffix(artifact)
            }
            let artifact = own?.properties["artifactId"] ?? name
            let version = own?.properties["version"] ?? fileVersion
                ?? ["Implementation-Version", "Specification-Version", "Bundle-Version"].lazy.compactMap({ manifest[$0] }).first
            // (syft also lists archives with no version anywhere, as UNKNOWN; they match nothing and are left out.)
            if !artifact.isEmpty, let version, !version.isEmpty {
                let group = own?.properties["groupId"] ?? Self.group(manifest) ?? artifact
                var licenses = manifest["Bundle-License"].map { [$0] } ?? own?.licenses ?? []
                if licenses.isEmpty { licenses = Self.fileLicenses(inside.filter { $0.kind == .licenseFile }) }
                packages.append(Self.package(group: group, artifact: artifact, version: version, licenses: licenses, location: location))
            }
            for pom in poms where pom.properties["artifactId"] != artifact {
                guard let group = pom.properties["groupId"], let artifact = pom.properties["artifactId"], let version = pom.properties["version"],
                      !version.isEmpty else { continue }
                packages.append(Self.package(group: group, artifact: artifact, version: version, licenses: pom.licenses, location: location))
            }
        }
        return (packages, warnings)
    }

    /// Licenses recognised in the archive's license files: those in `META-INF/` when there are any,
    /// else those at the root (syft's order).
    static func fileLicenses(_ files: [JavaArchiveInspector.Finding]) -> [String] {
        let inMetaInf = files.filter { $0.member.lowercased().hasPrefix("meta-inf/") }
        var identified: [String] = []
        for file in inMetaInf.isEmpty ? files : inMetaInf {
            for license in LicenseText.identify(file.content) where !identified.contains(license) { identified.append(license) }
        }
        return identified
    }

    /// A group id from the manifest: the first of syft's fields whose value reads like a Java package
    /// under a top-level domain (`com.google.inject`).
    static func group(_ manifest: [String: String]) -> String? {
        let fields = ["Extension-Name", "Specification-Vendor", "Implementation-Vendor", "Bundle-SymbolicName", "Implementation-Vendor-Id",
                      "Implementation-Title", "Bundle-Activator", "Automatic-Module-Name", "Main-Class", "Package"]
        let domains = ["com", "org", "net", "io", "be", "edu", "gov", "de", "uk", "fr", "ch", "nl", "jp", "us", "eu"]
        return fields.lazy.compactMap { manifest[$0] }.first { value in
            let parts = value.split(separator: ".", omittingEmptySubsequences: false)
            return parts.count > 1 && domains.contains(String(parts[0])) && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" } }
        }
    }

    static func package(group: String, artifact: String, version: String, licenses: [String], location: PackageLocation) -> InstalledPackage {
        InstalledPackage(type: .maven, name: artifact, version: version,
                         purl: PackageURL.make(type: "maven", namespace: group, name: artifact, version: version), locations: [location],
                         licenses: licenses)
    }

    /// The `<name>` of each `<license>` in a pom.xml's `<licenses>` (entities such as `&amp;` left as written).
    static func pomLicenses(_ content: [UInt8]) -> [String] {
        let text = String(decoding: content, as: UTF8.self)
        guard let open = text.range(of: "<licenses>"), let close = text.range(of: "</licenses>", range: open.upperBound..<text.endIndex) else { return [] }
        var names: [String] = []
        var rest = text[open.upperBound..<close.lowerBound]
        while let start = rest.range(of: "<name>"), let end = rest.range(of: "</name>", range: start.upperBound..<rest.endIndex) {
            let name = rest[start.upperBound..<end.lowerBound].trimmingSpaces()
            if !name.isEmpty { names.append(name) }
            rest = rest[end.upperBound...]
        }
        return names
    }

    /// `commons-lang3-3.12.0.jar` → (`commons-lang3`, `3.12.0`): the version starts at the first
    /// `-`-separated part that begins with a digit.
    static func split(fileName: String) -> (artifact: String, version: String?) {
        var stem = Substring(fileName)
        if let dot = stem.lastIndex(of: "."), JavaArchiveInspector.isArchive(fileName) { stem = stem[..<dot] }
        let parts = stem.split(separator: "-", omittingEmptySubsequences: false)
        guard let versionStart = parts.indices.dropFirst().first(where: { parts[$0].first?.isNumber == true }) else {
            return (String(stem), nil)
        }
        return (parts[..<versionStart].joined(separator: "-"), parts[versionStart...].joined(separator: "-"))
    }

    /// The main section of `META-INF/MANIFEST.MF`: `Key: value`, continued on lines that start with a space.
    static func manifest(_ content: [UInt8]) -> [String: String] {
        var fields: [String: String] = [:]
        var lastKey: String?
        for line in Self.lines(content) {
            if line.isEmpty { break }
            if line.hasPrefix(" "), let key = lastKey {
                fields[key, default: ""] += line.dropFirst()
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = String(line[..<colon])
            fields[key] = line[line.index(after: colon)...].trimmingSpaces()
            lastKey = key
        }
        return fields
    }

    /// Lines split at LF bytes, a CR before it dropped (as text, CR LF would be one character).
    static func lines(_ content: [UInt8]) -> [String] {
        content.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self)
        }
    }

    /// A Java properties file of `key=value` lines (pom.properties), comments skipped.
    static func properties(_ content: [UInt8]) -> [String: String] {
        var values: [String: String] = [:]
        for rawLine in Self.lines(content) {
            let line = rawLine.trimmingSpaces()
            guard !line.isEmpty, !line.hasPrefix("#"), !line.hasPrefix("!"), let equals = line.firstIndex(where: { $0 == "=" || $0 == ":" }) else { continue }
            values[String(line[..<equals]).trimmingSpaces()] = String(line[line.index(after: equals)...]).trimmingSpaces()
        }
        return values
    }
}
