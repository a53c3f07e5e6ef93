import DockerfileSyntax

/// Edits inside a shell-form RUN: finds a phrase in the instruction's logical text (continuations
/// joined) and maps the position back to the file, skipping `\`-newline continuations and the
/// comment and blank lines BuildKit drops inside them.
enum RunTextEdits {
    /// Appends `text` (such as `&& rm -rf /var/lib/apt/lists/*`) as a new continuation line at the
    /// end of a shell-form RUN; nil for exec form, heredocs, comments and text that ends in an
    /// operator, where appending could change what runs.
    static func append(_ text: String, to step: Step, context: LintContext) -> [TextEdit]? {
        guard case .shell(let line) = step.instruction.body, step.instruction.heredocs.isEmpty,
              !line.value.contains("#"), let last = line.value.last, !";&|".contains(last) else { return nil }
        return [context.edit(SourceSpan(start: line.span.end, end: line.span.end), " \\\n    " + text)]
    }

    /// Inserts `text` after every word-bounded occurrence of one of `phrases`; nil when there is none
    /// or a position cannot be mapped exactly (then no fix is offered rather than a wrong one). With
    /// `asCommand`, only where the phrase begins a command (the RUN's start, or after `;`, `&`, `|`
    /// or `(`), so that `apt-get install wget` is not taken for a `wget` command.
    static func insert(_ text: String, after phrases: [String], asCommand: Bool = false, in step: Step, context: LintContext) -> [TextEdit]? {
        guard case .shell(let line) = step.instruction.body, step.instruction.heredocs.isEmpty else { return nil }
        let logical = Array(line.value.utf8)
        var edits: [TextEdit] = []
        for phrase in phrases.map({ Array($0.utf8) }) {
            var index = 0
            while index + phrase.count <= logical.count {
                let end = index + phrase.count
                let startsWord = index == 0 || Self.isBoundary(logical[index - 1])
                let endsWord = end == logical.count || Self.isBoundary(logical[end])
                if startsWord, endsWord, logical[index..<end].elementsEqual(phrase), !asCommand || Self.beginsCommand(at: index, in: logical) {
                    guard let offset = fileOffset(ofLogical: end, in: line, escape: context.dockerfile.escapeToken, source: context.source) else { return nil }
                    edits.append(context.edit(SourceSpan(start: offset, end: offset), text))
                    index = end
                } else {
                    index += 1
                }
            }
        }
        return edits.isEmpty ? nil : edits
    }

    /// Whether only blanks stand between `index` and the RUN's start or a command separator.
    private static func beginsCommand(at index: Int, in logical: [UInt8]) -> Bool {
        var before = index - 1
        while before >= 0, logical[before] == 0x20 || logical[before] == 0x09 { before -= 1 }
        return before < 0 || ";&|(".utf8.contains(logical[before])
    }

    private static func isBoundary(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: ";") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "|")
            || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")")
    }

    /// The file offset of logical offset `target` in `argument` (whose span runs over the physical lines).
    static func fileOffset(ofLogical target: Int, in argument: Argument, escape: UInt8, source: SourceFile) -> Int? {
        let logical = Array(argument.value.utf8)
        let physical = source.bytes
        var i = 0, j = argument.span.start
        while i < target {
            guard j < argument.span.end else { return nil }
            if physical[j] == logical[i] {
                i += 1
                j += 1
                continue
            }
            // A continuation: escape token, trailing blanks, newline, then dropped comment/blank lines.
            guard physical[j] == escape else { return nil }
            j += 1
            while j < physical.count, physical[j] == 0x20 || physical[j] == 0x09 || physical[j] == 0x0D { j += 1 }
            guard j < physical.count, physical[j] == 0x0A else { return nil }
            j += 1
            while j < argument.span.end {
                var k = j
                while k < physical.count, physical[k] == 0x20 || physical[k] == 0x09 { k += 1 }
                guard k < physical.count, physical[k] == UInt8(ascii: "#") || physical[k] == 0x0A || physical[k] == 0x0D else { break }
                while k < physical.count, physical[k] != 0x0A { k += 1 }
                j = k + 1
            }
        }
        return j
    }
}
