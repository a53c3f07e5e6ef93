import HostSystem

/// A build context written as text, the form context rules give their examples in:
///
///     == Dockerfile ==
///     FROM alpine:3.20
///     == data/dump.sql (20000 bytes) ==
///
/// Each `== path ==` line starts a file whose content is the lines up to the next header; a size in
/// parentheses makes a file of that many bytes instead; a path ending in `/` is an empty directory.
public enum ContextExample {
    public struct Entry: Sendable, Equatable {
        public var path: String
        public var content: [UInt8]
        public var isDirectory: Bool
    }

    public static func entries(_ text: String) -> [Entry] {
        var entries: [Entry] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("== "), line.hasSuffix(" ==") {
                var header = String(line.dropFirst(3).dropLast(3))
                var size: Int?
                if header.hasSuffix(" bytes)"), let open = header.lastIndex(of: "(") {
                    size = Int(header[header.index(after: open)...].dropLast(" bytes)".count))
                    header = String(header[..<open].trimmingTrailing(" "))
                }
                entries.append(Entry(path: header, content: size.map { [UInt8](repeating: UInt8(ascii: "x"), count: $0) } ?? [],
                                     isDirectory: header.hasSuffix("/")))
                continue
            }
            guard !entries.isEmpty, !entries[entries.count - 1].isDirectory else { continue }
            entries[entries.count - 1].content += Array(line.utf8) + [0x0A]
        }
        // The split adds one newline too many at the end of the text.
        if text.hasSuffix("\n"), let last = entries.indices.last, entries[last].content.last == 0x0A { entries[last].content.removeLast() }
        return entries
    }
}

