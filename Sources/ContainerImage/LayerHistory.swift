/// The config's history, split into entries that made a filesystem layer and those that did not
/// (`ENV`, `CMD`, … are recorded with `empty_layer: true`).
public struct LayerHistory: Sendable {
    /// For each filesystem layer, the index of its history entry, when the history has one.
    public var entryForLayer: [Int?]
    public var entries: [ImageConfiguration.HistoryEntry]

    public init(_ configuration: ImageConfiguration, layerCount: Int) {
        entries = configuration.history ?? []
        var mapping: [Int?] = []
        for (position, entry) in entries.enumerated() where entry.emptyLayer != true && mapping.count < layerCount {
            mapping.append(position)
        }
        while mapping.count < layerCount { mapping.append(nil) }
        entryForLayer = mapping
    }

    /// `created_by` of the history entry behind `layer`.
    public func createdBy(layer: Int) -> String? {
        guard entryForLayer.indices.contains(layer), let entry = entryForLayer[layer] else { return nil }
        return entries[entry].createdBy
    }

    /// The layer an entry made, or nil for an empty-layer entry.
    public func layer(ofEntry position: Int) -> Int? { entryForLayer.firstIndex { $0 == position } }
}
