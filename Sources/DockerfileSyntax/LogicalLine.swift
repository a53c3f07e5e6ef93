/// One instruction's text with its continuations joined, and a map back to file offsets.
struct LogicalLine {
    var bytes: [UInt8] = []
    /// Each physical piece: where it starts in `bytes` and in the file.
    private var segments: [(logical: Int, physical: Int)] = []

    mutating func append(_ source: [UInt8], from start: Int, to end: Int) {
        guard end > start else { return }
        segments.append((bytes.count, start))
        bytes.append(contentsOf: source[start..<end])
    }

    /// The file offset of logical offset `offset`.
    func physical(_ offset: Int) -> Int {
        guard !segments.isEmpty else { return 0 }
        var low = 0
        var high = segments.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if segments[middle].logical <= offset { low = middle } else { high = middle - 1 }
        }
        return segments[low].physical + (offset - segments[low].logical)
    }

    /// File span of logical `start..<end`; an end on a piece boundary stays on the earlier piece.
    func span(_ start: Int, _ end: Int) -> SourceSpan {
        let first = physical(start)
        guard end > start else { return SourceSpan(start: first, end: first) }
        return SourceSpan(start: first, end: physical(end - 1) + 1)
    }

    func string(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
