/// Licenses of Debian packages, which dpkg's database does not record: read from each package's
/// `/usr/share/doc/<package>/copyright` the way syft reads it, as the first word of every
/// `License:` field and every `/usr/share/common-licenses/<name>` reference, deduplicated and sorted.
enum DebianCopyright {
    static let sizeLimit = 512 << 10

    static func reads(_ path: String) -> Bool {
        guard path.hasPrefix("usr/share/doc/"), path.hasSuffix("/copyright") else { return false }
        let package = path.dropFirst("usr/share/doc/".count).dropLast("/copyright".count)
        return !package.isEmpty && !package.contains("/")
    }

    static func licenses(_ content: [UInt8]) -> [String] {
        var found = Set<String>()
        for line in String(decoding: content, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("License: ") {
                let value = line.dropFirst("License: ".count).prefix { !$0.isWhitespace }
                if let license = single(value) { found.insert(license) }
            }
            var rest = line[...]
            while let reference = rest.range(of: "/usr/share/common-licenses/") {
                let name = rest[reference.upperBound...].prefix { $0.isLetter || $0.isNumber || "_.-".contains($0) }
                if let license = single(name) { found.insert(license) }
                rest = rest[reference.upperBound...]
            }
        }
        return found.sorted()
    }

    /// A trailing sentence period dropped; empty values and `none` are no license.
    private static func single(_ candidate: Substring) -> String? {
        var value = candidate.trimmingSpaces()
        if value.hasSuffix(".") { value.removeLast() }
        return value.isEmpty || value.lowercased() == "none" ? nil : value
    }

    /// Debian packages without declared licenses get those of their copyright file; `content` reads
    /// an image path (following symbolic links: `usr/share/doc/libgcc-s1` is often a link to
    /// `gcc-12-base`).
    static func attach(to packages: [InstalledPackage], content: (String) -> [UInt8]?) -> [InstalledPackage] {
        packages.map { package in
            guard package.type == .deb, package.licenses.isEmpty, let text = content("usr/share/doc/\(package.name)/copyright") else { return package }
            var licensed = package
            licensed.licenses = licenses(text)
            return licensed
        }
    }
}
