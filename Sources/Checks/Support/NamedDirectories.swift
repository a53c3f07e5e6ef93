import BuildContext

/// Sent directories whose last path component is one of `names`, outermost only.
enum NamedDirectories {
    /// Every directory that sends something: the listed ones, and the parents of sent files (an
    /// excluded directory entered for an exception is not listed itself). Sorted.
    static func all(in snapshot: ContextSnapshot) -> [String] {
        var directories = Set(snapshot.directories.map(\.path))
        for file in snapshot.files {
            var parent = file.path.utf8[...]
            // Walk up until a parent is already known: each directory is inserted once.
            while let slash = parent.lastIndex(of: UInt8(ascii: "/")) {
                parent = parent[..<slash]
                guard directories.insert(String(Substring(parent))).inserted else { break }
            }
        }
        return directories.sorted()
    }

    static func find(_ names: Set<String>, in context: ContextCheckContext) -> [String] {
        var found: [String] = []
        for directory in context.directoryPaths {
            let name = directory.split(separator: "/").last.map(String.init) ?? directory
            guard names.contains(name), !found.contains(where: { directory.hasPrefix($0 + "/") }) else { continue }
            found.append(directory)
        }
        return found
    }

    static func summary(_ directory: String, in snapshot: ContextSnapshot) -> String {
        let files = snapshot.files(under: directory)
        return "\(files.count) files, \(ByteSize.format(files.reduce(0) { $0 + $1.size }))"
    }
}
