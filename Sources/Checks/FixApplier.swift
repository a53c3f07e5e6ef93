import DockerfileSyntax

/// Applies text edits to a file's bytes, last edit first so offsets stay valid.
public enum FixApplier {
    public static func apply(_ edits: [TextEdit], to source: SourceFile) -> [UInt8] {
        var bytes = source.bytes
        for edit in edits.sorted(by: { $0.span.start > $1.span.start }) {
            let lower = min(edit.span.start, bytes.count), upper = min(max(edit.span.end, lower), bytes.count)
            bytes.replaceSubrange(lower..<upper, with: Array(edit.replacement.utf8))
        }
        return bytes
    }
}
