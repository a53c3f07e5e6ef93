extension ArraySlice<UInt8> {
    /// Where `needle` first occurs, as an index of this slice; byte search, since Foundation's and
    /// the standard library's text search compare characters and cost far more on large files.
    func firstIndex(ofBytes needle: [UInt8]) -> Int? {
        guard let first = needle.first, count >= needle.count else { return nil }
        var index = startIndex
        while index <= endIndex - needle.count {
            guard let candidate = self[index...(endIndex - needle.count)].firstIndex(of: first) else { return nil }
            if self[candidate..<(candidate + needle.count)].elementsEqual(needle) { return candidate }
            index = candidate + 1
        }
        return nil
    }
}
