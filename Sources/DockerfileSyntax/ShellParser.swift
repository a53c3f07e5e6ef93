/// Splits POSIX shell text into simple commands: words with quotes removed, `&&`, `||`, `;`,
/// `|`, `&`, newlines, `( … )` and `{ … }` groups, redirections, comments, and the bodies of
/// `<<EOF` heredocs skipped. It recognises structure; it never evaluates anything.
public struct ShellParser {
    private let bytes: [UInt8]
    private var index = 0
    private var commands: [ShellCommand] = []
    private var current = ShellCommand(assignments: [], words: [], redirections: [], connector: .end, groupDepth: 0)
    private var depth = 0
    private var pendingHeredocs: [(delimiter: [UInt8], stripTabs: Bool)] = []
    /// Commands inside `$( … )` of the current command, added after it.
    private var substituted: [ShellCommand] = []
    /// How deeply this parser is nested in command substitutions; deeper ones are not parsed.
    private let nesting: Int
    static let maximumNesting = 16

    public static func parse(_ script: String) -> ShellScript {
        ShellScript(commands: parse(Array(script.utf8), nesting: 0))
    }

    private static func parse(_ bytes: [UInt8], nesting: Int) -> [ShellCommand] {
        var parser = ShellParser(bytes: bytes, nesting: nesting)
        parser.run()
        return parser.commands
    }

    private init(bytes: [UInt8], nesting: Int) {
        self.bytes = bytes
        self.nesting = nesting
    }

    private mutating func finishCommand(_ connector: ShellConnector) {
        if current.words.isEmpty && current.assignments.isEmpty && current.redirections.isEmpty && substituted.isEmpty {
            // `a && \n b` or a leading separator: keep the stronger connector on the previous command.
            if connector != .newline, connector != .semicolon, !commands.isEmpty, commands[commands.count - 1].connector == .newline {
                commands[commands.count - 1].connector = connector
            }
            return
        }
        current.connector = connector
        current.resolveProgram()
        commands.append(current)
        commands.append(contentsOf: substituted)
        substituted.removeAll()
        // `sh -c "…"` and `su user -c "…"` run a script given as a string: its commands count too.
        if let script = Self.inlineScript(of: current), nesting < Self.maximumNesting {
            for var command in Self.parse(Array(script.utf8), nesting: nesting + 1) {
                command.groupDepth += depth + 1
                commands.append(command)
            }
        }
        current = ShellCommand(assignments: [], words: [], redirections: [], connector: .end, groupDepth: depth)
    }

    private mutating func run() {
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x20, 0x09, 0x0D:
                index += 1
            case 0x0A:
                index += 1
                finishCommand(.newline)
                skipPendingHeredocs()
            case UInt8(ascii: "\\") where index + 1 < bytes.count && bytes[index + 1] == 0x0A:
                index += 2
            case UInt8(ascii: "#"):
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            case UInt8(ascii: ";"):
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: ";") { index += 1 }
                finishCommand(.semicolon)
            case UInt8(ascii: "&"):
                if next(is: "&") {
                    index += 2
                    finishCommand(.and)
                } else if next(is: ">") {
                    readRedirection()
                } else {
                    index += 1
                    finishCommand(.background)
                }
            case UInt8(ascii: "|"):
                if next(is: "|") {
                    index += 2
                    finishCommand(.or)
                } else {
                    index += next(is: "&") ? 2 : 1
                    finishCommand(.pipe)
                }
            case UInt8(ascii: "("):
                index += 1
                finishCommand(.semicolon)
                depth += 1
                current.groupDepth = depth
            case UInt8(ascii: ")"):
                index += 1
                finishCommand(.semicolon)
                depth = max(0, depth - 1)
                current.groupDepth = depth
            case UInt8(ascii: "<"), UInt8(ascii: ">"):
                readRedirection()
            default:
                readWordOrRedirection()
            }
        }
        finishCommand(.end)
        if let last = commands.indices.last, commands[last].connector == .newline { commands[last].connector = .end }
    }

    private func next(is character: Unicode.Scalar) -> Bool {
        index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: character)
    }

    static let shells: Set<String> = ["sh", "bash", "ash", "dash", "zsh", "ksh"]

    /// The script of `sh -c SCRIPT`, `bash -ec SCRIPT` or `su [options] user -c SCRIPT`.
    static func inlineScript(of command: ShellCommand) -> String? {
        guard let program = command.program, shells.contains(program) || program == "su" else { return nil }
        let arguments = command.arguments
        for (index, argument) in arguments.enumerated() where index + 1 < arguments.count {
            let isScriptFlag = argument == "-c" || argument == "--command"
                || (program != "su" && argument.hasPrefix("-") && !argument.hasPrefix("--") && argument.hasSuffix("c"))
            if isScriptFlag { return arguments[index + 1] }
        }
        return nil
    }

    private mutating func readRedirection() {
        var operatorBytes: [UInt8] = []
        while index < bytes.count, [UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "-")].contains(bytes[index]),
              operatorBytes.count < 3 {
            if bytes[index] == UInt8(ascii: "-"), operatorBytes != [UInt8(ascii: "<"), UInt8(ascii: "<")], operatorBytes.last != UInt8(ascii: "&") { break }
            operatorBytes.append(bytes[index])
            index += 1
        }
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        let target = readWord()
        let operatorText = String(decoding: operatorBytes, as: UTF8.self)
        if operatorText.hasPrefix("<<"), !operatorText.hasPrefix("<<<") {
            pendingHeredocs.append((Array(target.value.utf8), operatorText == "<<-"))
        }
        current.redirections.append(Redirection(operator_: operatorText, target: target.value))
    }

    private mutating func readWordOrRedirection() {
        // `2>file` and `2>&1`: a file-descriptor number directly followed by a redirection operator.
        var probe = index
        while probe < bytes.count, bytes[probe] >= UInt8(ascii: "0"), bytes[probe] <= UInt8(ascii: "9") { probe += 1 }
        if probe > index, probe < bytes.count, bytes[probe] == UInt8(ascii: ">") || bytes[probe] == UInt8(ascii: "<") {
            index = probe
            readRedirection()
            return
        }
        let word = readWord()
        guard !word.raw.isEmpty else {
            index += 1
            return
        }
        if current.words.isEmpty, Self.isAssignment(word.raw) {
            current.assignments.append(word.value)
        } else {
            current.words.append(word)
        }
    }

    private static func isAssignment(_ raw: String) -> Bool {
        guard let equals = raw.firstIndex(of: "="), equals != raw.startIndex else { return false }
        return raw[..<equals].allSatisfy { $0 == "_" || $0.isASCII && ($0.isLetter || $0.isNumber) }
            && !(raw.first?.isNumber ?? true)
    }

    /// Reads one word; quotes are removed from `value`, `$(…)`, `${…}` and backticks kept verbatim.
    private mutating func readWord() -> ShellWord {
        let start = index
        var value: [UInt8] = []
        loop: while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ";"), UInt8(ascii: "&"), UInt8(ascii: "|"),
                 UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "("), UInt8(ascii: ")"):
                break loop
            case UInt8(ascii: "\\"):
                index += 1
                if index < bytes.count {
                    if bytes[index] != 0x0A { value.append(bytes[index]) }
                    index += 1
                }
            case UInt8(ascii: "'"):
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "'") {
                    value.append(bytes[index])
                    index += 1
                }
                index += 1
            case UInt8(ascii: "\""):
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count,
                       [UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "$"), UInt8(ascii: "`"), 0x0A].contains(bytes[index + 1]) {
                        index += 1
                        if bytes[index] == 0x0A { index += 1; continue }
                    } else if bytes[index] == UInt8(ascii: "$"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "(") {
                        value.append(contentsOf: readBalanced())
                        continue
                    }
                    value.append(bytes[index])
                    index += 1
                }
                index += 1
            case UInt8(ascii: "$") where index + 1 < bytes.count && (bytes[index + 1] == UInt8(ascii: "(") || bytes[index + 1] == UInt8(ascii: "{")):
                value.append(contentsOf: readBalanced())
            case UInt8(ascii: "`"):
                value.append(byte)
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "`") {
                    value.append(bytes[index])
                    index += 1
                }
                if index < bytes.count { value.append(bytes[index]); index += 1 }
            default:
                value.append(byte)
                index += 1
            }
        }
        let end = min(index, bytes.count)
        return ShellWord(value: String(decoding: value, as: UTF8.self), raw: String(decoding: bytes[start..<end], as: UTF8.self))
    }

    /// `$(…)` or `${…}` with nesting and quotes, returned verbatim; the commands of a `$(…)` (not
    /// `$((…))` arithmetic) are parsed too, one level deeper, so rules see pipes and programs in it.
    private mutating func readBalanced() -> [UInt8] {
        let text = readBalancedText()
        if text.count > 3, text[1] == UInt8(ascii: "("), text[2] != UInt8(ascii: "("), nesting < Self.maximumNesting {
            let inner = Array(text[2..<(text.last == UInt8(ascii: ")") ? text.count - 1 : text.count)])
            for var command in Self.parse(inner, nesting: nesting + 1) {
                command.groupDepth += depth + 1
                substituted.append(command)
            }
        }
        return text
    }

    private mutating func readBalancedText() -> [UInt8] {
        let start = index
        let open = bytes[index + 1]
        let close: UInt8 = open == UInt8(ascii: "(") ? UInt8(ascii: ")") : UInt8(ascii: "}")
        index += 2
        var level = 1
        var quote: UInt8 = 0
        while index < bytes.count, level > 0 {
            let byte = bytes[index]
            if quote != 0 {
                if byte == quote { quote = 0 } else if byte == UInt8(ascii: "\\"), quote == UInt8(ascii: "\"") { index += 1 }
            } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                quote = byte
            } else if byte == UInt8(ascii: "\\") {
                index += 1
            } else if byte == open {
                level += 1
            } else if byte == close {
                level -= 1
            }
            index += 1
        }
        return Array(bytes[start..<min(index, bytes.count)])
    }

    private mutating func skipPendingHeredocs() {
        while !pendingHeredocs.isEmpty {
            let (delimiter, stripTabs) = pendingHeredocs.removeFirst()
            while index < bytes.count {
                var lineStart = index
                var lineEnd = index
                while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                index = min(lineEnd + 1, bytes.count)
                if stripTabs { while lineStart < lineEnd, bytes[lineStart] == 0x09 { lineStart += 1 } }
                var contentEnd = lineEnd
                if contentEnd > lineStart, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                if bytes[lineStart..<contentEnd].elementsEqual(delimiter) { break }
            }
        }
    }
}
