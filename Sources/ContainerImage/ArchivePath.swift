/// Cleans paths found inside archives and image layers without ever touching the disk. Works on
/// UTF-8 bytes: these run for every entry of every layer, and `/` never needs grapheme rules.
public enum ArchivePath {
    private static let slash = UInt8(ascii: "/")
    private static let dot = UInt8(ascii: ".")

    /// `./a//b/../c/` → `a/c`; absolute paths become relative to the root. Nil when `..` climbs above the root.
    public static func clean(_ path: String) -> String? {
        if isClean(path) { return path }
        var parts: [Substring] = []
        for component in components(path) {
            switch component {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(component)
            }
        }
        return parts.joined(separator: "/")
    }

    /// The non-empty components of a path, as substrings of it.
    public static func components<S: StringProtocol>(_ path: S) -> [S.SubSequence] {
        var parts: [S.SubSequence] = []
        let bytes = path.utf8
        var start = bytes.startIndex
        var index = start
        while index != bytes.endIndex {
            if bytes[index] == slash {
                if start != index { parts.append(path[start..<index]) }
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        if start != bytes.endIndex { parts.append(path[start..<bytes.endIndex]) }
        return parts
    }

    /// The directory part of a cleaned path (`""` for the root).
    public static func parent(_ path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: slash) else { return "" }
        return String(path[..<slash])
    }

    /// Already in clean form: no leading, trailing or doubled `/`, no `.` or `..` component.
    private static func isClean(_ path: String) -> Bool {
        if path.isEmpty { return true }
        var length = 0
        var onlyDots = true
        for byte in path.utf8 {
            if byte == slash {
                if length == 0 || (onlyDots && length <= 2) { return false }
                length = 0
                onlyDots = true
            } else {
                length += 1
                if byte != dot { onlyDots = false }
            }
        }
        return length > 0 && !(onlyDots && length <= 2)
    }
}
