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
        // Back to front, so earlier offsets stay valid; same-point insertions keep their order.
        for edit in compatible(edits).reversed() {
            let lower = min(edit.span.start, bytes.count), upper = min(max(edit.span.end, lower), bytes.count)
            bytes.replaceSubrange(lower..<upper, with: Array(edit.replacement.utf8))
        }
        return bytes
    }
}
