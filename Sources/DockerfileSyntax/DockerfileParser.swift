/// Turns Dockerfile text into a ``Dockerfile`` with BuildKit's exact rules
/// (`frontend/dockerfile/parser`): directives, continuations, comments inside continuations,
/// heredocs, flags, and the per-instruction argument forms.
public struct DockerfileParser {
    private let file: SourceFile
    private var bytes: [UInt8] { file.bytes }
    /// Offset of the next unread physical line.
    private var cursor = 0
    /// Number of physical lines consumed so far (the 1-based number of the last one).
    private var currentLine = 0
    private var escapeToken = UInt8(ascii: "\\")
    private var directives = DirectiveReader()
    private var comments: [SourceComment] = []
    private var emptyContinuationLines: [Int] = []

    public static func parse(_ file: SourceFile) throws(DockerfileSyntaxError) -> Dockerfile {
        var parser = DockerfileParser(file: file)
        return try parser.run()
    }

    public static func parse(text: String, path: String = "Dockerfile") throws(DockerfileSyntaxError) -> Dockerfile {
        try parse(SourceFile(path: path, text: text))
    }

    private init(file: SourceFile) {
        self.file = file
    }

    /// A physical line: `start..<contentEnd` without `\r\n`, `end` past the newline.
    private struct PhysicalLine {
        var start: Int
        var contentEnd: Int
        var end: Int
    }

    private mutating func nextLine() -> PhysicalLine? {
        guard cursor < bytes.count else { return nil }
        let start = cursor
        let end = file.endOfPhysicalLine(startingAt: start)
        let lineEnd = end < bytes.count ? end + 1 : end
        var contentEnd = end
        while contentEnd > start, bytes[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
        cursor = lineEnd
        return PhysicalLine(start: start, contentEnd: contentEnd, end: lineEnd)
    }

    private func isComment(_ line: PhysicalLine) -> Bool {
        let first = UnicodeWhitespace.skipLeading(bytes, from: line.start, to: line.contentEnd)
        return first < line.contentEnd && bytes[first] == UInt8(ascii: "#")
    }

    private mutating func recordComment(_ line: PhysicalLine) {
        let hash = UnicodeWhitespace.skipLeading(bytes, from: line.start, to: line.contentEnd)
        let textStart = UnicodeWhitespace.skipLeading(bytes, from: hash + 1, to: line.contentEnd)
        let textEnd = UnicodeWhitespace.trimTrailing(bytes, from: textStart, to: line.contentEnd)
        comments.append(SourceComment(
            text: String(decoding: bytes[textStart..<textEnd], as: UTF8.self), line: currentLine,
            span: SourceSpan(start: hash, end: line.contentEnd)))
    }

    /// BuildKit's `trimContinuationCharacter`: returns the end without the escape token and
    /// whether the line ends the instruction.
    private func trimContinuation(_ start: Int, _ end: Int) -> (end: Int, isEndOfLine: Bool) {
        var limit = end
        while limit > start, bytes[limit - 1] == 0x20 || bytes[limit - 1] == 0x09 { limit -= 1 }
        guard limit > start, bytes[limit - 1] == escapeToken else { return (end, true) }
        let escapeIndex = limit - 1
        if escapeIndex > start, bytes[escapeIndex - 1] == escapeToken { return (end, true) }
        return (escapeIndex, false)
    }

    private mutating func run() throws(DockerfileSyntaxError) -> Dockerfile {
        var instructions: [Instruction] = []
        while var line = nextLine() {
            if currentLine == 0, line.contentEnd - line.start >= 3,
               bytes[line.start] == 0xEF, bytes[line.start + 1] == 0xBB, bytes[line.start + 2] == 0xBF {
                line.start += 3
            }
            currentLine += 1
            let lineIsComment = isComment(line)
            if lineIsComment { recordComment(line) }
            let tokenStart = UnicodeWhitespace.skipLeading(bytes, from: line.start, to: line.contentEnd)
            try readDirective(tokenStart, line.contentEnd)
            if lineIsComment { continue }
            let startLine = currentLine
            var (end, isEndOfLine) = trimContinuation(tokenStart, line.contentEnd)
            if isEndOfLine && end == tokenStart { continue }

            var logical = LogicalLine()
            logical.append(bytes, from: tokenStart, to: end)
            var lastContentEnd = line.contentEnd
            while !isEndOfLine, let next = nextLine() {
                currentLine += 1
                try readDirective(next.start, next.contentEnd)
                if isComment(next) {
                    recordComment(next)
                    continue
                }
                if UnicodeWhitespace.skipLeading(bytes, from: next.start, to: next.contentEnd) == next.contentEnd {
                    emptyContinuationLines.append(currentLine)
                    continue
                }
                (end, isEndOfLine) = trimContinuation(next.start, next.contentEnd)
                logical.append(bytes, from: next.start, to: end)
                lastContentEnd = next.contentEnd
            }

            let builder = InstructionBuilder(line: logical, escapeToken: escapeToken)
            var instruction: Instruction
            do throws(DirectiveError) {
                instruction = try builder.instruction(from: 0, to: logical.bytes.count)
            } catch {
                throw DockerfileSyntaxError(error.message, line: startLine, endLine: currentLine)
            }
            if instruction.canContainHeredoc, logical.bytes.contains(UInt8(ascii: "<")) {
                let heredocs: [HeredocMarker]
                do {
                    heredocs = try HeredocMarker.markers(in: logical.bytes)
                } catch {
                    throw DockerfileSyntaxError(error.message, line: startLine, endLine: currentLine)
                }
                for marker in heredocs {
                    let heredoc = try readHeredoc(marker, startLine: startLine)
                    instruction.heredocs.append(heredoc)
                    lastContentEnd = heredoc.span.end
                }
            }
            instruction.startLine = startLine
            instruction.endLine = currentLine
            instruction.span = SourceSpan(start: instruction.keywordSpan.start, end: max(lastContentEnd, instruction.keywordSpan.end))
            instructions.append(instruction)
        }
        if instructions.isEmpty {
            throw DockerfileSyntaxError("file with no instructions", line: max(currentLine, 1))
        }
        return Dockerfile(
            source: file, directives: directives.found, escapeToken: escapeToken, instructions: instructions,
            comments: comments, emptyContinuationLines: emptyContinuationLines)
    }

    private mutating func readDirective(_ start: Int, _ end: Int) throws(DockerfileSyntaxError) {
        guard !directives.done else { return }
        do throws(DirectiveError) {
            if let directive = try directives.read(bytes, from: start, to: end, line: currentLine),
               directive.name == "escape" {
                guard directive.value == "`" || directive.value == "\\" else {
                    throw DirectiveError(message: "invalid escape token '\(directive.value)' does not match ` or \\")
                }
                escapeToken = directive.value.utf8.first ?? UInt8(ascii: "\\")
            }
        } catch {
            throw DockerfileSyntaxError(error.message, line: currentLine)
        }
    }

    private mutating func readHeredoc(_ marker: HeredocMarker, startLine: Int) throws(DockerfileSyntaxError) -> Heredoc {
        let terminator = Array(marker.name.utf8)
        var content: [UInt8] = []
        var bodyStart: Int?
        while let line = nextLine() {
            currentLine += 1
            if bodyStart == nil { bodyStart = line.start }
            var candidateStart = line.start
            if marker.chomp {
                while candidateStart < line.contentEnd, bytes[candidateStart] == 0x09 { candidateStart += 1 }
            }
            if bytes[candidateStart..<line.contentEnd].elementsEqual(terminator) {
                return Heredoc(
                    name: marker.name, expand: marker.expand, chomp: marker.chomp, fileDescriptor: marker.fileDescriptor,
                    content: String(decoding: content, as: UTF8.self),
                    span: SourceSpan(start: bodyStart ?? line.start, end: line.contentEnd))
            }
            content.append(contentsOf: bytes[line.start..<line.end])
        }
        throw DockerfileSyntaxError("unterminated heredoc \(marker.name)", line: startLine, endLine: currentLine)
    }
}

extension Instruction {
    /// BuildKit reads heredocs only for RUN, COPY and ADD (also under ONBUILD) in non-JSON form.
    var canContainHeredoc: Bool {
        let target = triggered ?? self
        switch target.kind {
        case .run, .copy, .add: return !target.isJSONForm
        default: return false
        }
    }
}
