import ContainerImage

extension ContentInspector {
    /// Feeds a whole file in pieces of `size` bytes, as the layer reader would, until it wants no more.
    func consume(_ file: [UInt8], piecesOf size: Int) {
        var offset = 0
        while offset < file.count {
            let piece = Array(file[offset..<min(offset + size, file.count)])
            offset += size
            guard piece.withUnsafeBytes({ consume($0) }) else { return }
        }
    }
}
