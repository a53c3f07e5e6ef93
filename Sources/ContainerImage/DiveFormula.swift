/// dive's efficiency figures, computed the way dive 0.13 computes them, so users comparing the two
/// tools can see where the numbers differ and why:
/// - each layer's leaf paths are counted with their size; a path seen in several layers is
///   "inefficient" and *all* its copies count as wasted (so an overwritten file counts twice);
/// - a whiteout counts the bytes below it only when it removed a directory (a removed file counts 0);
/// - opaque-directory markers are ignored;
/// - efficiency = Σ smallest size per path / Σ all sizes; wasted% is over the bytes of every layer but the first.
enum DiveFormula {
    static func figures(changes: [LayerChanges], removals: [FileTree.Removal]) -> SpaceAnalysis.DiveFigures {
        var cumulative: [String: (total: Int64, minimum: Int64, count: Int)] = [:]
        func count(_ path: String, _ size: Int64) {
            if let seen = cumulative[path] {
                cumulative[path] = (seen.total + size, min(seen.minimum, size), seen.count + 1)
            } else {
                cumulative[path] = (size, size, 1)
            }
        }
        var whiteoutBytes: [Int: [String: Int64]] = [:]
        for removal in removals where removal.cause == .whiteout {
            whiteoutBytes[removal.removedBy, default: [:]][removal.path] = removal.wasDirectory ? removal.bytes : 0
        }
        var layerSizes: [Int64] = []
        for layer in changes {
            var parents = Set<Substring>()
            for path in layer.entries.map(\.path) + layer.whiteouts {
                var parent = Substring(path)
                while let slash = parent.utf8.lastIndex(of: UInt8(ascii: "/")) {
                    parent = parent[..<slash]
                    if !parents.insert(parent).inserted { break }
                }
            }
            for change in layer.entries where !parents.contains(Substring(change.path)) {
                count(change.path, change.kind == .regular ? change.size : 0)
            }
            for path in layer.whiteouts where !parents.contains(Substring(path)) { count(path, whiteoutBytes[layer.index]?[path] ?? 0) }
            layerSizes.append(layer.addedBytes)
        }
        var minimum: Int64 = 0
        var total: Int64 = 0
        var wasted: Int64 = 0
        for value in cumulative.values {
            minimum += value.minimum
            total += value.total
            if value.count > 1 { wasted += value.total }
        }
        let userBytes = layerSizes.dropFirst().reduce(0, +)
        return SpaceAnalysis.DiveFigures(efficiency: total == 0 ? 1 : Double(minimum) / Double(total), wastedBytes: wasted,
                                         userWastedPercent: userBytes == 0 ? 0 : Double(wasted) / Double(userBytes))
    }
}
