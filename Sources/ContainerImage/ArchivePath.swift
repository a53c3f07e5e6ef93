/// Cleans paths found inside archives and image layers without ever touching the disk.
enum ArchivePath {
    /// `./a//b/../c/` → `a/c`; absolute paths become relative to the root. Nil when `..` climbs above the root.
    static func clean(_ path: String) -> String? {
        var parts: [Substring] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(component)
            }
        }
        return parts.joined(separator: "/")
    }

    /// The directory part of a cleaned path (`""` for the root).
    static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }
}
