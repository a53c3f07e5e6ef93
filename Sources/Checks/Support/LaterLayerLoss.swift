import ContainerImage

/// Bytes a layer stores that a later layer hides, grouped by the pair of layers, largest paths first.
struct LaterLayerLoss {
    var layer: Int
    var hiddenBy: Int
    var bytes: Int64
    var paths: [(path: String, bytes: Int64)]

    static func group(_ removals: [FileTree.Removal], overwritten: Bool) -> [LaterLayerLoss] {
        var groups: [[Int]: LaterLayerLoss] = [:]
        for removal in removals where (removal.cause == .overwritten) == overwritten {
            for (layer, bytes) in removal.bytesByLayer where layer < removal.removedBy && bytes > 0 {
                groups[[layer, removal.removedBy], default: LaterLayerLoss(layer: layer, hiddenBy: removal.removedBy, bytes: 0, paths: [])]
                    .add(removal.path, bytes)
            }
        }
        return groups.values.sorted { ($0.layer, $0.hiddenBy) < ($1.layer, $1.hiddenBy) }
    }

    private mutating func add(_ path: String, _ bytes: Int64) {
        self.bytes += bytes
        paths.append((path, bytes))
    }

    /// `/var/cache/apt/pkgcache.bin (37.3 MiB), /var/lib/apt/lists/… (47.7 MiB) and 3 more`
    var examples: String {
        let sorted = paths.sorted { ($0.bytes, $1.path) > ($1.bytes, $0.path) }
        let shown = sorted.prefix(3).map { "/\($0.path) (\(ByteSize.format($0.bytes)))" }.joined(separator: ", ")
        return sorted.count > 3 ? "\(shown) and \(sorted.count - 3) more" : shown
    }

    var largestPath: String { paths.max { ($0.bytes, $1.path) < ($1.bytes, $0.path) }?.path ?? "" }
}
