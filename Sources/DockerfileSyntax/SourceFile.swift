#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A half-open byte range `start..<end` into a ``SourceFile``'s bytes.
///
/// Spans are byte offsets so that the parser never pays for line/column bookkeeping;
/// ``SourceFile/range(of:)`` turns one into lines and columns when a finding needs it.
public struct SourceSpan: Sendable, Hashable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    public static func covering(_ first: SourceSpan, _ last: SourceSpan) -> SourceSpan {
        SourceSpan(start: min(first.start, last.start), end: max(first.end, last.end))
    }
}

/// A 1-based line and 1-based column, the column counted in Unicode scalars.
public struct SourcePosition: Sendable, Hashable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// Start and exclusive end of a region, as SARIF and editors expect.
public struct SourceRange: Sendable, Hashable {
    public var start: SourcePosition
    public var end: SourcePosition

    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    public static func line(_ line: Int) -> SourceRange {
        SourceRange(start: SourcePosition(line: line, column: 1), end: SourcePosition(line: line, column: 1))
    }
}

/// The text of one Dockerfile together with a line index.
public struct SourceFile: Sendable {
    public let path: String
    public let bytes: [UInt8]
    /// Byte offset at which each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        self.lineStarts = Self.lineStarts(of: bytes)
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    public var lineCount: Int { lineStarts.count }

    private static func lineStarts(of bytes: [UInt8]) -> [Int] {
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count, let found = memchr(base + offset, 0x0A, buffer.count - offset) {
                offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(offset)
            }
        }
        return starts
    }

    /// The 0-based index of the line holding `offset`.
    func lineIndex(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    public func position(of offset: Int) -> SourcePosition {
        let clamped = min(max(offset, 0), bytes.count)
        let index = lineIndex(of: clamped)
        var column = 1
        var cursor = lineStarts[index]
        while cursor < clamped {
            if bytes[cursor] & 0xC0 != 0x80 { column += 1 }
            cursor += 1
        }
        return SourcePosition(line: index + 1, column: column)
    }

    public func range(of span: SourceSpan) -> SourceRange {
        SourceRange(start: position(of: span.start), end: position(of: span.end))
    }

    public func text(of span: SourceSpan) -> String {
        let lower = min(max(span.start, 0), bytes.count)
        let upper = min(max(span.end, lower), bytes.count)
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    /// The file up to (not including) 1-based `line`: same path, same offsets for what remains.
    public func prefix(beforeLine line: Int) -> SourceFile {
        let end = line >= 1 && line <= lineStarts.count ? lineStarts[line - 1] : bytes.count
        return SourceFile(path: path, bytes: Array(bytes[..<end]))
    }

    /// Offset of the `\n` ending the line that starts at `offset`, or the end of the file.
    func endOfPhysicalLine(startingAt offset: Int) -> Int {
        let index = lineIndex(of: offset)
        return index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count
    }

    /// Offset just past the last byte of 1-based `line`, before its line ending.
    public func endOfLine(_ line: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return bytes.count }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > start, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return end
    }
}
