import BuildContext

/// Sent directories whose last path component is one of `names`, outermost only.
enum NamedDirectories {
    static func find(_ names: Set<String>, in snapshot: ContextSnapshot) -> [String] {
        var found: [String] = []
        var directories = Set(snapshot.directories.map(\.path))
        // Excluded directories entered for an exception are not listed, but their files are.
        for file in snapshot.files {
            var parent = file.path
            while let slash = parent.lastIndex(of: "/") {
                parent = String(parent[..<slash])
                directories.insert(parent)
            }
        }
        for directory in directories.sorted() {
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
