/// Trimming without Foundation, for the catalogers' and version parsers' small text fields.
extension StringProtocol {
    /// Without leading and trailing `characters`.
    public func trimmingCharacters(in characters: String) -> SubSequence {
        var text = self[...]
        while let first = text.first, characters.contains(first) { text = text.dropFirst() }
        while let last = text.last, characters.contains(last) { text = text.dropLast() }
        return text
    }

    /// Without leading and trailing spaces, tabs and line breaks.
    public func trimmingSpaces() -> String { String(trimmingCharacters(in: " \t\n\r")) }
}
