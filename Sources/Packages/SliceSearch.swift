import ByteSearch

extension ArraySlice<UInt8> {
    /// Where `needle` first occurs, as an index of this slice; nil for an empty needle.
    func firstIndex(ofBytes needle: [UInt8]) -> Int? {
        guard !needle.isEmpty else { return nil }
        let offset = withUnsafeBytes { slice in needle.withUnsafeBytes { ByteSearch.firstOffset(of: $0, in: slice) } }
        return offset.map { startIndex + $0 }
    }
}
