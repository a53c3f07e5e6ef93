extension Dictionary where Key == Int, Value == Int64 {
    /// Of bytes counted per layer, the layer holding the most (the lowest index on a tie).
    var layerWithMostBytes: Int? { self.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key }
}
