struct DirectiveError: Error {
    var message: String
}

/// Reads `# name=value` parser directives until the first line that is not one.
struct DirectiveReader {
    static let known: Set<String> = ["escape", "syntax", "check"]
    private(set) var found: [Directive] = []
    private(set) var done = false

    /// BuildKit's `^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$` on one line.
    mutating func read(_ bytes: [UInt8], from start: Int, to end: Int, line: Int) throws(DirectiveError) -> Directive? {
        guard !done else { return nil }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        var index = start
        guard index < end, bytes[index] == UInt8(ascii: "#") else { done = true; return nil }
        index += 1
        while index < end, isSpace(bytes[index]) { index += 1 }
        let nameStart = index
        guard index < end, isLetter(bytes[index]) else { done = true; return nil }
        while index < end, isLetter(bytes[index]) || isDigit(bytes[index]) { index += 1 }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
        while index < end, isSpace(bytes[index]) { index += 1 }
        guard index < end, bytes[index] == UInt8(ascii: "=") else { done = true; return nil }
        index += 1
        while index < end, isSpace(bytes[index]) { index += 1 }
        var valueEnd = end
        while valueEnd > index, isSpace(bytes[valueEnd - 1]) { valueEnd -= 1 }
        guard valueEnd > index, DirectiveReader.known.contains(name) else { done = true; return nil }
        if found.contains(where: { $0.name == name }) {
            throw DirectiveError(message: "only one \(name) parser directive can be used")
        }
        let directive = Directive(name: name, value: String(decoding: bytes[index..<valueEnd], as: UTF8.self), line: line)
        found.append(directive)
        return directive
    }
}
