/// Debian control-style records (dpkg `status`) and apk's one-letter `K:value` records: paragraphs
/// separated by blank lines. Values are kept as substrings of the database text.
enum ControlFields {
    struct Paragraph {
        var fields: [Substring: Substring]
        /// 1-based line where the paragraph starts, for warnings.
        var line: Int
        subscript(_ key: String) -> String? { fields[Substring(key)].map(String.init) }
    }

    /// `Key: value` with continuation lines starting with a space or tab (only the first line of a
    /// continued value is kept: descriptions are never needed, and may be huge).
    static func debian(_ text: String) -> [Paragraph] {
        paragraphs(text) { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (line[..<colon], line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" })
        }
    }

    /// apk's `P:musl`; `F:`/`R:` file lines repeat and are not needed here.
    static func apk(_ text: String) -> [Paragraph] {
        paragraphs(text) { line in
            guard line.count >= 2, line[line.index(after: line.startIndex)] == ":" else { return nil }
            return (line.prefix(1), line.dropFirst(2))
        }
    }

    private static func paragraphs(_ text: String, _ split: (Substring) -> (Substring, Substring)?) -> [Paragraph] {
        var paragraphs: [Paragraph] = []
        var current: [Substring: Substring] = [:]
        var start = 1
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let trimmed = line.last == "\r" ? line.dropLast() : line
            if trimmed.isEmpty {
                if !current.isEmpty { paragraphs.append(Paragraph(fields: current, line: start)) }
                current = [:]
                start = number + 1
                continue
            }
            if trimmed.first == " " || trimmed.first == "\t" { continue }
            if let (key, value) = split(trimmed), current[key] == nil { current[key] = value }
        }
        if !current.isEmpty { paragraphs.append(Paragraph(fields: current, line: start)) }
        return paragraphs
    }
}
