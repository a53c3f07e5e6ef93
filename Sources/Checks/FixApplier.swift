import DockerfileSyntax

/// Applies text edits to a file. Edits that overlap one already taken are left out (the next run
/// can apply them to the new text); insertions at the same point are kept in the order given.
/// At the same position a replacement goes before an insertion: joining two RUNs first and then
/// appending a cleanup puts the cleanup after both, where it belongs.
public enum FixApplier {
    /// The edits that can be applied together, in file order.
    public static func compatible(_ edits: [TextEdit]) -> [TextEdit] {
        func key(_ item: (offset: Int, element: TextEdit)) -> (Int, Int, Int) {
            (item.element.span.start, item.element.span.start == item.element.span.end ? 1 : 0, item.offset)
        }
        let ordered = edits.enumerated().sorted { key($0) < key($1) }.map(\.element)
        var accepted: [TextEdit] = []
        var reachedEnd = -1
        for edit in ordered {
            let isInsertion = edit.span.start == edit.span.end
            guard edit.span.start > reachedEnd || (isInsertion && edit.span.start == reachedEnd && accepted.last.map { $0.span.start == $0.span.end } == true)
                    || accepted.isEmpty else { continue }
            accepted.append(edit)
            reachedEnd = max(reachedEnd, edit.span.end)
        }
        return accepted
    }

    public static func apply(_ edits: [TextEdit], to source: SourceFile) -> [UInt8] {
        var bytes = source.bytes
        let lineEnd = usesCRLF(bytes) ? Array("\r\n".utf8) : [0x0A]
        // Back to front, so earlier offsets stay valid; same-point insertions keep their order.
        for edit in compatible(edits).reversed() {
            let lower = min(edit.span.start, bytes.count), upper = min(max(edit.span.end, lower), bytes.count)
            bytes.replaceSubrange(lower..<upper, with: withLineEnds(edit.replacement, lineEnd))
        }
        return bytes
    }

    /// A file whose first line ends with CR LF keeps CR LF in what the fixes insert.
    private static func usesCRLF(_ bytes: [UInt8]) -> Bool {
        guard let newline = bytes.firstIndex(of: 0x0A) else { return false }
        return newline > 0 && bytes[newline - 1] == 0x0D
    }

    private static func withLineEnds(_ text: String, _ lineEnd: [UInt8]) -> [UInt8] {
        guard lineEnd.count == 2 else { return Array(text.utf8) }
        var output: [UInt8] = []
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x0A, previous != 0x0D { output.append(0x0D) }
            output.append(byte)
            previous = byte
        }
        return output
    }
}
