/// One value of an instruction as BuildKit's parser produces it, with where it was written.
public struct Argument: Sendable, Hashable {
    public var value: String
    public var span: SourceSpan

    public init(value: String, span: SourceSpan) {
        self.value = value
        self.span = span
    }
}

/// A leading `--name[=value]` word of an instruction, quotes and escapes removed.
public struct Flag: Sendable, Hashable {
    /// The whole word as BuildKit keeps it, e.g. `--mount=type=cache,target=/root/.cache`.
    public var text: String
    public var span: SourceSpan

    public init(text: String, span: SourceSpan) {
        self.text = text
        self.span = span
    }

    /// `mount` for `--mount=type=cache`.
    public var name: String {
        let body = text.hasPrefix("--") ? text.dropFirst(2) : Substring(text)
        if let equals = body.firstIndex(of: "=") { return String(body[..<equals]) }
        return String(body)
    }

    /// The text after the first `=`, or nil for a bare `--link`.
    public var value: String? {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        return String(text[text.index(after: equals)...])
    }
}

/// `KEY=value` of ENV and LABEL (or the legacy `ENV KEY value` form).
public struct KeyValue: Sendable, Hashable {
    public var key: Argument
    public var value: Argument

    public init(key: Argument, value: Argument) {
        self.key = key
        self.value = value
    }
}

/// A heredoc attached to RUN, COPY or ADD: `<<EOF`, `<<-EOF`, `<<"EOF"`, `3<<EOF`.
public struct Heredoc: Sendable, Hashable {
    public var name: String
    /// False when any part of the delimiter was quoted: the body is then taken literally.
    public var expand: Bool
    /// `<<-`: leading tabs are stripped from the body and the terminator.
    public var chomp: Bool
    public var fileDescriptor: Int
    /// The body exactly as written, each line with its newline, terminator excluded.
    public var content: String
    /// From the start of the first body line to the end of the terminator line.
    public var span: SourceSpan
}

/// How the arguments after the keyword (and its flags) were parsed, following BuildKit's dispatch table.
public indirect enum InstructionBody: Sendable, Hashable {
    /// A JSON array of strings (exec form for RUN/CMD/ENTRYPOINT/SHELL, list form for COPY/ADD/VOLUME).
    case json([Argument])
    /// Shell form of RUN/CMD/ENTRYPOINT/SHELL: the rest of the line, verbatim.
    case shell(Argument)
    /// Whitespace-separated words (FROM, EXPOSE, COPY/ADD/VOLUME) or ARG's quote-aware words.
    case words([Argument])
    /// ENV and LABEL pairs; `legacy` for the `ENV KEY value` form.
    case pairs([KeyValue], legacy: Bool)
    /// The whole rest as one value (MAINTAINER, USER, WORKDIR, STOPSIGNAL).
    case text(Argument)
    /// HEALTHCHECK: the type word (`CMD`, `NONE`) and the command after it.
    case healthcheck(kind: Argument, command: InstructionBody)
    /// ONBUILD and the instruction it registers.
    case trigger(Instruction)
    /// No arguments at all.
    case empty
    /// An instruction BuildKit's parser does not know; its arguments are ignored.
    case unknown

    /// The values in BuildKit's order, flattened (ENV pairs give key then value).
    public var values: [Argument] {
        switch self {
        case .json(let items), .words(let items): return items
        case .shell(let item), .text(let item): return [item]
        case .pairs(let pairs, _): return pairs.flatMap { [$0.key, $0.value] }
        case .healthcheck(let kind, let command): return [kind] + command.values
        case .trigger, .empty, .unknown: return []
        }
    }
}

/// A comment line: its text after `#`, trimmed, and where it is.
public struct SourceComment: Sendable, Hashable {
    public var text: String
    public var line: Int
    public var span: SourceSpan
}

/// One Dockerfile instruction as written.
public struct Instruction: Sendable, Hashable {
    /// The keyword as written (case kept), e.g. `run`.
    public var keyword: String
    public var keywordSpan: SourceSpan
    public var kind: InstructionKind
    public var flags: [Flag]
    public var body: InstructionBody
    /// The argument text after the flags, as one logical line (continuations joined).
    public var rest: Argument
    public var heredocs: [Heredoc]
    /// From the keyword to the end of the last line the instruction uses (heredoc terminators included).
    public var span: SourceSpan
    /// 1-based first and last physical line.
    public var startLine: Int
    public var endLine: Int

    /// Argument values in BuildKit's order, flattened (ENV pairs give key then value).
    public var arguments: [Argument] { body.values }

    public var isJSONForm: Bool {
        switch body {
        case .json: return true
        case .healthcheck(_, let command): if case .json = command { return true } else { return false }
        default: return false
        }
    }

    public func flag(named name: String) -> Flag? { flags.first { $0.name == name } }

    /// For ONBUILD, the registered instruction.
    public var triggered: Instruction? {
        if case .trigger(let inner) = body { return inner }
        return nil
    }

}

/// A parser directive at the top of the file (`# syntax=`, `# escape=`, `# check=`).
public struct Directive: Sendable, Hashable {
    public var name: String
    public var value: String
    public var line: Int
}

/// A parsed Dockerfile.
public struct Dockerfile: Sendable {
    public var source: SourceFile
    public var directives: [Directive]
    public var escapeToken: UInt8
    public var instructions: [Instruction]
    public var comments: [SourceComment]
    /// 1-based lines that were blank inside a line continuation (BuildKit warns about these).
    public var emptyContinuationLines: [Int]

    public func directive(_ name: String) -> Directive? { directives.first { $0.name == name } }
}
