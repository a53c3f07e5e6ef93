import HostSystem

/// One pattern of a `.dockerignore` file and the 1-based line it came from.
public struct IgnoreLine: Sendable, Hashable {
    public var pattern: String
    public var line: Int

    public init(pattern: String, line: Int) {
        self.pattern = pattern
        self.line = line
    }
}

/// Reads `.dockerignore` text with BuildKit's reader rules (`ignorefile.ReadAll`): a UTF-8 BOM is
/// dropped, a line whose first byte is `#` is a comment, lines are trimmed, blank lines dropped,
/// a leading `!` marks an exception, and each pattern is cleaned with a leading `/` removed.
public enum IgnoreFile {
    public static func read(_ bytes: [UInt8]) -> [IgnoreLine] {
        var lines: [IgnoreLine] = []
        var lineNumber = 0
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            if end == bytes.count, start == end { break }
            var contentStart = start
            var contentEnd = end
            if contentEnd > contentStart, bytes[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
            if lineNumber == 0, contentEnd - contentStart >= 3,
               bytes[contentStart] == 0xEF, bytes[contentStart + 1] == 0xBB, bytes[contentStart + 2] == 0xBF {
                contentStart += 3
            }
            lineNumber += 1
            start = end + 1
            guard contentStart >= contentEnd || bytes[contentStart] != UInt8(ascii: "#") else { continue }
            var pattern = String(decoding: bytes[contentStart..<contentEnd], as: UTF8.self).trimmingWhitespace()
            guard !pattern.isEmpty else { continue }
            let isException = pattern.hasPrefix("!")
            if isException { pattern = pattern.dropFirst().trimmingWhitespace() }
            if !pattern.isEmpty {
                pattern = PathCleaner.clean(pattern)
                if pattern.count > 1, pattern.hasPrefix("/") { pattern.removeFirst() }
            }
            lines.append(IgnoreLine(pattern: (isException ? "!" : "") + pattern, line: lineNumber))
        }
        return lines
    }

    public static func read(text: String) -> [IgnoreLine] { read(Array(text.utf8)) }

    /// Go's `strings.TrimSpace`.
}
