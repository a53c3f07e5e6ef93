import DockerfileSyntax

/// Which release lines a base image reference runs: `node:18-bullseye-slim` is Node 18 on Debian 11,
/// `python:3.12-alpine3.20` Python 3.12 on Alpine 3.20, `debian:bookworm-slim` Debian 12.
enum BaseImageReleases {
    /// The product a repository publishes, for the images the table knows.
    static func product(of reference: ImageReference) -> String? {
        let repository = reference.repository.lowercased()
        if reference.isOfficial { return EndOfLifeData.products.contains(reference.shortName) ? reference.shortName : nil }
        if reference.registry == "quay.io", repository == "centos/centos" { return "centos-stream" }
        if repository.hasPrefix("ubi") || repository.hasPrefix("redhat/ubi") || repository.contains(text: "/ubi") { return "rhel" }
        if repository.hasPrefix("amazonlinux") || repository.hasSuffix("/amazonlinux") { return "amazonlinux" }
        return nil
    }

    static func releases(of reference: ImageReference) -> [EndOfLifeRelease] {
        guard let product = product(of: reference) else { return [] }
        var components = (reference.tag ?? "").lowercased().split(separator: "-").map(String.init)
        if product == "rhel", let ubi = reference.repository.lowercased().split(separator: "/").first(where: { $0.hasPrefix("ubi") }) {
            components.insert(String(ubi.prefix { $0 != "-" }), at: 0)
        }
        guard let first = components.first else { return [] }
        var found: [EndOfLifeRelease] = []
        if let primary = match(first, in: product) { found.append(primary) }
        // Later components name the operating system of language images (`bookworm`, `alpine3.20`, `jammy`, `ubi9`).
        for component in components.dropFirst() {
            for os in ["debian", "ubuntu", "alpine", "rhel"] where os != product {
                let text = os == "alpine" && component.hasPrefix("alpine") ? String(component.dropFirst("alpine".count)) : component
                if !text.isEmpty, let release = match(text, in: os, aliasesOnly: os != "alpine") { found.append(release) }
            }
        }
        return found
    }

    /// The release a tag component names: an alias (`bookworm`, `iron`, `ubi9`), or the longest
    /// release that the version equals or extends (`3.12.1` → `3.12`).
    static func match(_ component: String, in product: String, aliasesOnly: Bool = false) -> EndOfLifeRelease? {
        let releases = EndOfLifeData.releases(of: product)
        if let aliased = releases.first(where: { $0.aliases.contains(component) }) { return aliased }
        guard !aliasesOnly else { return nil }
        var version = component
        if product == "eclipse-temurin" || product == "openjdk" {
            version = String(component.prefix { $0.isNumber || $0 == "." })  // 21.0.2_13 → 21.0.2
        }
        return releases.filter { version == $0.release || version.hasPrefix($0.release + ".") }.max { $0.release.count < $1.release.count }
    }
}
