/// Where an image's bytes go: per layer, what is still visible at the end and what is only paid for.
public struct SpaceAnalysis: Sendable {
    public struct Layer: Sendable {
        public var index: Int
        /// Bytes of regular-file content the layer stores.
        public var addedBytes: Int64
        /// Entries other than directories.
        public var files: Int
        /// Added bytes that the final filesystem does not show: overwritten or deleted later.
        public var reclaimableBytes: Int64
        public var pathsAdded: Int
        public var pathsModified: Int
        public var pathsRemoved: Int
    }

    /// A path and its size, for the largest-files and largest-directories lists.
    public struct SizedPath: Sendable {
        public var path: String
        public var bytes: Int64
        public var layer: Int?
    }

    /// The same image measured by dive's formula, for teams that compare.
    public struct DiveFigures: Sendable {
        public var efficiency: Double
        public var wastedBytes: Int64
        public var userWastedPercent: Double
    }

    public var layers: [Layer]
    public var totalBytes: Int64
    public var visibleBytes: Int64
    public var reclaimableBytes: Int64 { totalBytes - visibleBytes }
    /// visible / total; 1 for an image without content.
    public var efficiency: Double { totalBytes == 0 ? 1 : Double(visibleBytes) / Double(totalBytes) }
    public var dive: DiveFigures
    public var largestFiles: [SizedPath]
    public var largestDirectories: [SizedPath]

    public init(changes: [LayerChanges], tree: FileTree, listLength: Int = 10) {
        var visible = changes.map { Array(repeating: false, count: $0.entries.count) }
        var finalFiles: [(layer: Int, entry: Int)] = []
        var hardLinkTargets: [Int: [String: Int]] = [:]
        tree.forEachNode { node in
            guard let entry = node.entry, node.layer < changes.count else { return }
            var owner = entry
            if node.kind == .hardLink, let target = node.linkTarget {
                if hardLinkTargets[node.layer] == nil {
                    var latest: [String: Int] = [:]
                    for (position, change) in changes[node.layer].entries.enumerated() where change.kind == .regular { latest[change.path] = position }
                    hardLinkTargets[node.layer] = latest
                }
                guard let linked = hardLinkTargets[node.layer]?[target], linked < entry else { return }
                owner = linked
            } else if node.kind != .regular {
                return
            }
            guard !visible[node.layer][owner] else { return }
            visible[node.layer][owner] = true
            finalFiles.append((node.layer, owner))
        }
        // Parents are substrings of the entries' own paths: no path is copied per file.
        var directoryBytes: [Substring: Int64] = [:]
        var largest: [SizedPath] = []
        for (layer, entry) in finalFiles {
            let change = changes[layer].entries[entry]
            var path = Substring(change.path)
            while let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) {
                path = path[..<slash]
                directoryBytes[path, default: 0] += change.size
            }
            largest.append(SizedPath(path: change.path, bytes: change.size, layer: layer))
        }
        var layers: [Layer] = []
        var totalBytes: Int64 = 0
        var visibleBytes: Int64 = 0
        for layer in changes {
            var reclaimable: Int64 = 0
            for (position, change) in layer.entries.enumerated() where change.kind == .regular {
                totalBytes += change.size
                if visible[layer.index][position] { visibleBytes += change.size } else { reclaimable += change.size }
            }
            layers.append(Layer(index: layer.index, addedBytes: layer.addedBytes, files: layer.fileCount, reclaimableBytes: reclaimable,
                                pathsAdded: tree.added.indices.contains(layer.index) ? tree.added[layer.index] : 0,
                                pathsModified: tree.modified.indices.contains(layer.index) ? tree.modified[layer.index] : 0,
                                pathsRemoved: tree.removals.count { $0.removedBy == layer.index && $0.cause != .overwritten }))
        }
        self.layers = layers
        self.totalBytes = totalBytes
        self.visibleBytes = visibleBytes
        self.dive = DiveFormula.figures(changes: changes, removals: tree.removals)

        largestFiles = Self.largest(listLength, of: largest)
        largestDirectories = Self.largest(listLength, of: directoryBytes.map { SizedPath(path: String($0.key), bytes: $0.value, layer: nil) })
    }

    /// The `count` largest entries, biggest first, ties by path; one pass instead of a full sort.
    private static func largest(_ count: Int, of entries: [SizedPath]) -> [SizedPath] {
        let before: (SizedPath, SizedPath) -> Bool = { ($0.bytes, $1.path) > ($1.bytes, $0.path) }
        var top: [SizedPath] = []
        for entry in entries {
            if top.count == count, let last = top.last, !before(entry, last) { continue }
            let position = top.firstIndex { before(entry, $0) } ?? top.count
            top.insert(entry, at: position)
            if top.count > count { top.removeLast() }
        }
        return top
    }
}
