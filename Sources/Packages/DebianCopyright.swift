import ByteSearch

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

    /// Both patterns are searched for in the whole file, not line by line: a copyright file can
    /// have thousands of lines, and the license names cannot span one.
    static func licenses(_ content: [UInt8]) -> [String] {
        var found = Set<String>()
        var fields = offsets(after: lineFieldPrefix, in: content)
        if content.starts(with: fieldPrefix) { fields.append(fieldPrefix.count) }
        for start in fields {
            let value = content[start...].prefix { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D && $0 != 0x0A }
            if let license = single(value) { found.insert(license) }
        }
        for start in offsets(after: referencePrefix, in: content) {
            if let license = single(content[start...].prefix(while: isNameByte)) { found.insert(license) }
        }
        return found.sorted()
    }

    private static let fieldPrefix = Array("License: ".utf8)
    private static let lineFieldPrefix = Array("\nLicense: ".utf8)
    private static let referencePrefix = Array("/usr/share/common-licenses/".utf8)

    /// The offset just past every occurrence of `pattern`.
    private static func offsets(after pattern: [UInt8], in content: [UInt8]) -> [Int] {
        content.withUnsafeBytes { text in
            pattern.withUnsafeBytes { needle in
                var found: [Int] = []
                var from = 0
                while let offset = ByteSearch.firstOffset(of: needle, in: text, from: from) {
                    found.append(offset + pattern.count)
                    from = offset + pattern.count
                }
                return found
            }
        }
    }

    /// The characters of a license file name: letters, digits, `_`, `.` and `-`.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x5F || byte == 0x2E || byte == 0x2D
    }

    /// A trailing sentence period dropped; empty values and `none` are no license.
    private static func single(_ candidate: ArraySlice<UInt8>) -> String? {
        var value = String(decoding: candidate, as: UTF8.self).trimmingSpaces()
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
