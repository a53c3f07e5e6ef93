/// Go's `path.Clean` on slash-separated paths, which Docker applies to every ignore pattern.
enum PathCleaner {
    static func clean(_ path: String) -> String {
        guard !path.isEmpty else { return "." }
        let rooted = path.hasPrefix("/")
        var parts: [Substring] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." {
                    parts.removeLast()
                } else if !rooted {
                    parts.append(component)
                }
            default: parts.append(component)
            }
        }
        let joined = parts.joined(separator: "/")
        if rooted { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}
