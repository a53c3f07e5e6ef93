import ByteSearch

// Lint code searches short strings many times per file. The standard library's `contains(_:)` and
// `firstRange(of:)` with a string pattern build a `Character`-keyed table on every call, and their
// first call in a process scans every protocol conformance in the binary: together about a tenth of
// a one-file lint. These compare UTF-8 bytes instead, which finds the same matches for the patterns
// lint code uses (they never start inside a grapheme cluster).
extension String {
    /// Whether `text` occurs in this string.
    public func contains(text: String) -> Bool { self[...].contains(text: text) }

    /// Where `text` first occurs in this string.
    public func range(ofText text: String) -> Range<Index>? { self[...].range(ofText: text) }
}

extension Substring {
    /// Whether `text` occurs in this substring.
    public func contains(text: String) -> Bool { utf8Offset(of: text) != nil }

    /// Where `text` first occurs in this substring.
    public func range(ofText text: String) -> Range<Index>? {
        guard let offset = utf8Offset(of: text) else { return nil }
        let start = utf8.index(startIndex, offsetBy: offset)
        return start..<utf8.index(start, offsetBy: text.utf8.count)
    }

    private func utf8Offset(of text: String) -> Int? {
        var needle = text
        if let result = utf8.withContiguousStorageIfAvailable({ haystack in
            needle.withUTF8 { ByteSearch.firstOffset(of: UnsafeRawBufferPointer($0), in: UnsafeRawBufferPointer(haystack)) }
        }) {
            return result
        }
        var contiguous = String(self)
        contiguous.makeContiguousUTF8()
        return contiguous[...].utf8Offset(of: text)
    }
}
