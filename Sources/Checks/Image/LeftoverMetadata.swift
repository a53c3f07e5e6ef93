import ContainerImage

/// The practice: only what the application needs goes into the image.
struct LeftoverMetadata: ImageRule {
    static let meta = RuleMeta(
        id: "PI023", name: "vcs-or-editor-leftover", severity: .warning, aliases: ["DKL-LI-0003"],
        title: "Version-control or editor files are in the image",
        why: """
            A `.git` directory ships the project's whole history (old secrets included); `.svn`, `.hg`, \
            `.DS_Store`, `.vscode` and `.idea` are clutter that can leak paths and settings. They arrive \
            with `COPY . …`; list them in `.dockerignore`.
            """,
        triggering: [
            "== layer: COPY . /app # buildkit ==\napp/.git/HEAD (23 bytes)\napp/.git/objects/ab/cdef (900 bytes)\napp/main.py (10 bytes)\n",
            "== layer: COPY . /app # buildkit ==\napp/.DS_Store (6148 bytes)\n",
        ],
        passing: ["== layer: COPY . /app # buildkit ==\napp/main.py (10 bytes)\napp/.gitignore (10 bytes)\n"])

    static let directories: Set<Substring> = [".git", ".svn", ".hg", ".bzr", ".vscode", ".idea"]
    static let files: Set<Substring> = [".DS_Store", "Thumbs.db"]

    private static func containsHiddenComponent(_ path: String) -> Bool {
        var previous: UInt8 = 0
        for byte in path.utf8 {
            if previous == UInt8(ascii: "/"), byte == UInt8(ascii: ".") { return true }
            previous = byte
        }
        return false
    }

    func check(_ image: ImageCheckContext) -> [Finding] {
        var found: [String: (files: Int, bytes: Int64, layers: [Int: Int64])] = [:]
        image.finalEntries { path, node in
            // Every name looked for starts with a dot or is Thumbs.db: most paths are out after one byte scan.
            guard path.utf8.first == UInt8(ascii: ".") || Self.containsHiddenComponent(path) || path.hasSuffix("Thumbs.db") else { return }
            let components = ArchivePath.components(path)
            guard let position = components.firstIndex(where: { Self.directories.contains($0) || Self.files.contains($0) }) else { return }
            let isDirectory = Self.directories.contains(components[position])
            guard isDirectory || position == components.count - 1 else { return }
            let root = components[...position].joined(separator: "/")
            var entry = found[root] ?? (0, 0, [:])
            if node.kind != .directory {
                entry.files += 1
                entry.bytes += node.size
                entry.layers[node.layer, default: 0] += max(node.size, 1)
            }
            found[root] = entry
        }
        return found.keys.sorted().map { root in
            let entry = found[root] ?? (0, 0, [:])
            let layer = entry.layers.layerWithMostBytes
            let what = entry.files > 1 ? "\(entry.files) files, \(ByteSize.format(entry.bytes))" : ByteSize.format(entry.bytes)
            return image.finding(Self.meta, layer: layer, path: root,
                                 "/\(root) (\(what)) is in the image\(layer.map { ", from \(image.describe(layer: $0))" } ?? ""); add it to .dockerignore")
        }
    }
}
