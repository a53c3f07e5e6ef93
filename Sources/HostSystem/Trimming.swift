/// Trimming without Foundation: one helper for every small text field (catalogers, version parsers, pragmas, tool output).
extension StringProtocol {
    /// Without leading and trailing `characters`.
    public func trimmingCharacters(in characters: String) -> SubSequence {
        var text = self[...]
        while let first = text.first, characters.contains(first) { text = text.dropFirst() }
        while let last = text.last, characters.contains(last) { text = text.dropLast() }
        return text
    }
}

extension Substring {
    /// Without leading and trailing spaces, tabs and line breaks (compared as bytes: this runs for
    /// every version parsed).
    public func trimmingSpaces() -> String {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }), let last = utf8.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}

extension String {
    public func trimmingSpaces() -> String {
        guard let first = utf8.first, let last = utf8.last, first > 0x20, last > 0x20 else { return self[...].trimmingSpaces() }
        return self
    }
}

extension StringProtocol {
    /// Without leading and trailing Unicode white space, as Go's `strings.TrimSpace` (and so
    /// BuildKit and Docker) trims.
    public func trimmingWhitespace() -> String {
        let scalars = String(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }

    /// Without trailing `characters` only.
    public func trimmingTrailing(_ characters: String) -> SubSequence {
        var text = self[...]
        while let last = text.last, characters.contains(last) { text = text.dropLast() }
        return text
    }
}
