/// A unified diff between a file and its fixed version, for `lint --diff`: the fewest changed
/// lines (Myers' diff, whose cost grows with the number of changes, which fixes keep small), in
/// hunks of three lines of context as `diff -u` prints them; line ends are kept as they are.
public enum UnifiedDiff {
    public static func render(path: String, before: [UInt8], after: [UInt8], context: Int = 3) -> String {
        let old = lines(before), new = lines(after)
        guard old != new else { return "" }
        let script = edits(old, new)
        var output = "--- \(path)\n+++ \(path)\n"
        var index = 0
        while index < script.count {
            // A hunk runs from a change until more than two contexts of unchanged lines follow it.
            guard script[index].kind != .same else { index += 1; continue }
            var end = index
            var last = index
            while end < script.count {
                if script[end].kind != .same { last = end } else if end - last > 2 * context { break }
                end += 1
            }
            let start = max(0, index - context)
            let stop = min(script.count, last + context + 1)
            let hunk = script[start..<stop]
            let oldStart = hunk.first.map { $0.oldLine } ?? 0, newStart = hunk.first.map { $0.newLine } ?? 0
            let oldCount = hunk.count { $0.kind != .added }, newCount = hunk.count { $0.kind != .removed }
            output += "@@ -\(oldCount == 0 ? oldStart : oldStart + 1),\(oldCount) +\(newCount == 0 ? newStart : newStart + 1),\(newCount) @@\n"
            for line in hunk {
                let marker = line.kind == .same ? " " : line.kind == .removed ? "-" : "+"
                output += marker + line.text
                // By bytes: "\r\n" is one Character, which hasSuffix("\n") would not see.
                if line.text.utf8.last != 0x0A { output += "\n\\ No newline at end of file\n" }
            }
            index = stop
        }
        return output
    }

    private enum Kind { case same, removed, added }

    /// One line of the edit script, with the 0-based line numbers in both files where it stands.
    private struct Line {
        var kind: Kind
        var text: String
        var oldLine: Int
        var newLine: Int
    }

    /// Myers' greedy shortest edit script.
    private static func edits(_ old: [String], _ new: [String]) -> [Line] {
        let n = old.count, m = new.count, offset = n + m + 1
        var frontier = [Int](repeating: 0, count: 2 * offset + 1)
        var trace: [[Int]] = []
        search: for depth in 0...(n + m) {
            trace.append(frontier)
            for diagonal in stride(from: -depth, through: depth, by: 2) {
                var x = diagonal == -depth || (diagonal != depth && frontier[offset + diagonal - 1] < frontier[offset + diagonal + 1])
                    ? frontier[offset + diagonal + 1] : frontier[offset + diagonal - 1] + 1
                var y = x - diagonal
                while x < n, y < m, old[x] == new[y] { x += 1; y += 1 }
                frontier[offset + diagonal] = x
                if x >= n, y >= m { break search }
            }
        }
        // Walk back through the saved frontiers.
        var script: [Line] = []
        var x = n, y = m
        for depth in stride(from: trace.count - 1, through: 0, by: -1) {
            let saved = trace[depth]
            let diagonal = x - y
            let down = diagonal == -depth || (diagonal != depth && saved[offset + diagonal - 1] < saved[offset + diagonal + 1])
            let previousDiagonal = down ? diagonal + 1 : diagonal - 1
            let previousX = saved[offset + previousDiagonal], previousY = previousX - previousDiagonal
            while x > previousX, y > previousY {
                x -= 1; y -= 1
                script.append(Line(kind: .same, text: old[x], oldLine: x, newLine: y))
            }
            guard depth > 0 else { break }
            if down {
                y -= 1
                script.append(Line(kind: .added, text: new[y], oldLine: x, newLine: y))
            } else {
                x -= 1
                script.append(Line(kind: .removed, text: old[x], oldLine: x, newLine: y))
            }
        }
        return script.reversed()
    }

    private static func lines(_ bytes: [UInt8]) -> [String] {
        var result: [String] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            result.append(String(decoding: bytes[start...index], as: UTF8.self))
            start = index + 1
        }
        if start < bytes.count { result.append(String(decoding: bytes[start...], as: UTF8.self)) }
        return result
    }
}
