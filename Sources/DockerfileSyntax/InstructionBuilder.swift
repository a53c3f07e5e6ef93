/// Builds one ``Instruction`` from a logical line, following BuildKit's `newNodeFromLine`.
struct InstructionBuilder {
    let line: LogicalLine
    let escapeToken: UInt8
    private var bytes: [UInt8] { line.bytes }

    init(line: LogicalLine, escapeToken: UInt8) {
        self.line = line
        self.escapeToken = escapeToken
    }

    /// `ONBUILD ONBUILD …` deeper than this is refused: BuildKit's build rejects any nesting, and
    /// unbounded recursion would let one line exhaust the stack.
    static let maximumTriggerNesting = 8

    func instruction(from start: Int, to end: Int, nesting: Int = 0) throws(DirectiveError) -> Instruction {
        let first = UnicodeWhitespace.skipLeading(bytes, from: start, to: end)
        let last = UnicodeWhitespace.trimTrailing(bytes, from: first, to: end)
        var keywordEnd = first
        while keywordEnd < last, !UnicodeWhitespace.isSeparator(bytes[keywordEnd]) { keywordEnd += 1 }
        var argumentsStart = keywordEnd
        while argumentsStart < last, UnicodeWhitespace.isSeparator(bytes[argumentsStart]) { argumentsStart += 1 }

        var flags: [Flag] = []
        var restStart = last
        if keywordEnd < last {
            (restStart, flags) = extractFlags(from: argumentsStart, to: last)
        }
        restStart = UnicodeWhitespace.skipLeading(bytes, from: restStart, to: last)
        let restEnd = UnicodeWhitespace.trimTrailing(bytes, from: restStart, to: last)
        let keyword = line.string(first, keywordEnd)
        let kind = InstructionKind(keyword: keyword)
        let body = try parseBody(kind: kind, keyword: keyword, from: restStart, to: restEnd, nesting: nesting)
        let keywordSpan = line.span(first, keywordEnd)
        return Instruction(
            keyword: keyword, keywordSpan: keywordSpan, kind: kind, flags: flags, body: body,
            rest: argument(restStart, restEnd), heredocs: [],
            span: SourceSpan.covering(keywordSpan, line.span(first, last)), startLine: 0, endLine: 0)
    }

    private func argument(_ start: Int, _ end: Int) -> Argument {
        Argument(value: line.string(start, end), span: line.span(start, end))
    }

    private func argument(_ value: [UInt8], _ start: Int, _ end: Int) -> Argument {
        Argument(value: String(decoding: value, as: UTF8.self), span: line.span(start, end))
    }

    // MARK: Flags

    /// BuildKit's `extractBuilderFlags`: leading `--words`, quotes removed, escape token honoured.
    private func extractFlags(from start: Int, to end: Int) -> (restStart: Int, flags: [Flag]) {
        var flags: [Flag] = []
        var index = start
        while true {
            while index < end {
                let width = UnicodeWhitespace.length(in: bytes, at: index, end: end)
                if width == 0 { break }
                index += width
            }
            guard index < end else { return (end, flags) }
            guard bytes[index] == UInt8(ascii: "-"), index + 1 < end, bytes[index + 1] == UInt8(ascii: "-") else {
                return (index, flags)
            }
            let wordStart = index
            var word: [UInt8] = []
            var quote: UInt8 = 0
            var blankOK = false
            wordLoop: while index < end {
                let byte = bytes[index]
                if quote == 0 {
                    if UnicodeWhitespace.length(in: bytes, at: index, end: end) > 0 { break wordLoop }
                    if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                        quote = byte
                        blankOK = true
                        index += 1
                        continue
                    }
                } else if byte == quote {
                    quote = 0
                    index += 1
                    continue
                }
                if byte == escapeToken {
                    if index + 1 == end {
                        index += 1
                        continue
                    }
                    index += 1
                }
                word.append(bytes[index])
                index += 1
            }
            if word == [UInt8(ascii: "-"), UInt8(ascii: "-")] {
                return (index, flags)
            }
            if blankOK || !word.isEmpty {
                flags.append(Flag(text: String(decoding: word, as: UTF8.self), span: line.span(wordStart, index)))
            }
        }
    }

    // MARK: Dispatch

    private func parseBody(kind: InstructionKind, keyword: String, from start: Int, to end: Int, nesting: Int) throws(DirectiveError) -> InstructionBody {
        switch kind {
        case .run, .cmd, .entrypoint, .shell:
            return try maybeJSON(start, end)
        case .add, .copy, .volume:
            guard start < end else { return .empty }
            switch JSONArrayReader.read(bytes, from: start, to: end, physical: line.span) {
            case .strings(let items): return .json(items)
            case .notStringArray: throw DirectiveError(message: Self.notStringArray)
            case .invalid: return whitespaceDelimited(start, end)
            }
        case .from, .expose:
            return whitespaceDelimited(start, end)
        case .env, .label:
            return try nameValue(start, end, keyword: kind.rawValue.uppercased())
        case .arg:
            let words = splitWords(start, end)
            return words.isEmpty ? .empty : .words(words)
        case .maintainer, .user, .workdir, .stopsignal:
            return start < end ? .text(argument(start, end)) : .empty
        case .healthcheck:
            var separator = start
            while separator < end, UnicodeWhitespace.length(in: bytes, at: separator, end: end) == 0 { separator += 1 }
            guard separator > start else { return .empty }
            let commandStart = UnicodeWhitespace.skipLeading(bytes, from: separator, to: end)
            return .healthcheck(kind: argument(start, separator), command: try maybeJSON(commandStart, end))
        case .onbuild:
            guard start < end else { return .empty }
            guard nesting < Self.maximumTriggerNesting else { throw DirectiveError(message: "ONBUILD nested more than \(Self.maximumTriggerNesting) deep") }
            return .trigger(try instruction(from: start, to: end, nesting: nesting + 1))
        case .unknown:
            return .unknown
        }
    }

    static let notStringArray = "when using JSON array syntax, arrays must be comprised of strings only"

    private func maybeJSON(_ start: Int, _ end: Int) throws(DirectiveError) -> InstructionBody {
        guard start < end else { return .empty }
        switch JSONArrayReader.read(bytes, from: start, to: end, physical: line.span) {
        case .strings(let items): return .json(items)
        case .notStringArray: throw DirectiveError(message: Self.notStringArray)
        case .invalid: return .shell(argument(start, end))
        }
    }

    /// Splits on runs of `[\t\v\f\r ]`; the rest is already trimmed, so no field is empty.
    private func whitespaceDelimited(_ start: Int, _ end: Int) -> InstructionBody {
        guard start < end else { return .empty }
        var items: [Argument] = []
        var index = start
        while index < end {
            let wordStart = index
            while index < end, !UnicodeWhitespace.isSeparator(bytes[index]) { index += 1 }
            items.append(argument(wordStart, index))
            while index < end, UnicodeWhitespace.isSeparator(bytes[index]) { index += 1 }
        }
        return .words(items)
    }

    /// BuildKit's `parseWords`: whitespace-separated words where quotes and escapes keep a word
    /// together and stay in it.
    private func splitWords(_ start: Int, _ end: Int) -> [Argument] {
        var words: [Argument] = []
        var word: [UInt8] = []
        var wordStart = -1
        var quote: UInt8 = 0
        var blankOK = false
        var index = start
        func finish(at position: Int) {
            if blankOK || !word.isEmpty { words.append(argument(word, wordStart, position)) }
            word.removeAll(keepingCapacity: true)
            blankOK = false
            wordStart = -1
        }
        while index < end {
            let spaceWidth = UnicodeWhitespace.length(in: bytes, at: index, end: end)
            if wordStart < 0 {
                if spaceWidth > 0 { index += spaceWidth; continue }
                wordStart = index
            }
            let byte = bytes[index]
            if quote == 0 {
                if spaceWidth > 0 {
                    finish(at: index)
                    index += spaceWidth
                    continue
                }
                if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                    quote = byte
                    blankOK = true
                }
                if byte == escapeToken {
                    if index + 1 == end { index += 1; continue }
                    word.append(byte)
                    index += 1
                }
                word.append(bytes[index])
                index += 1
                continue
            }
            var closes = false
            if byte == quote { closes = true }
            if byte == escapeToken && quote != UInt8(ascii: "'") {
                if index + 1 == end {
                    quote = 0
                    index += 1
                    continue
                }
                word.append(byte)
                index += 1
            }
            word.append(bytes[index])
            index += 1
            if closes { quote = 0 }
        }
        if wordStart >= 0 { finish(at: end) }
        return words
    }

    private func nameValue(_ start: Int, _ end: Int, keyword: String) throws(DirectiveError) -> InstructionBody {
        let words = splitWords(start, end)
        guard let firstWord = words.first else { return .empty }
        if !firstWord.value.contains("=") {
            var keyEnd = start
            while keyEnd < end, !UnicodeWhitespace.isSeparator(bytes[keyEnd]) { keyEnd += 1 }
            var valueStart = keyEnd
            while valueStart < end, UnicodeWhitespace.isSeparator(bytes[valueStart]) { valueStart += 1 }
            guard keyEnd < end else { throw DirectiveError(message: "\(keyword) must have two arguments") }
            return .pairs([KeyValue(key: argument(start, keyEnd), value: argument(valueStart, end))], legacy: true)
        }
        var pairs: [KeyValue] = []
        for word in words {
            guard let equals = word.value.utf8.firstIndex(of: UInt8(ascii: "=")) else {
                throw DirectiveError(message: "Syntax error - can't find = in \(GoQuote.quote(word.value)). Must be of the form: name=value")
            }
            let keyLength = word.value.utf8.distance(from: word.value.utf8.startIndex, to: equals)
            let key = String(word.value.utf8[..<equals]) ?? ""
            let value = String(word.value.utf8[word.value.utf8.index(after: equals)...]) ?? ""
            let keySpan = SourceSpan(start: word.span.start, end: min(word.span.start + keyLength, word.span.end))
            let valueSpan = SourceSpan(start: min(keySpan.end + 1, word.span.end), end: word.span.end)
            pairs.append(KeyValue(key: Argument(value: key, span: keySpan), value: Argument(value: value, span: valueSpan)))
        }
        return .pairs(pairs, legacy: false)
    }
}
