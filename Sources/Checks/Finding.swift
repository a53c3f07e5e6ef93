import DockerfileSyntax

/// One replacement of source text.
public struct TextEdit: Sendable, Hashable {
    public var range: SourceRange
    public var span: SourceSpan
    public var replacement: String

    public init(range: SourceRange, span: SourceSpan, replacement: String) {
        self.range = range
        self.span = span
        self.replacement = replacement
    }
}

/// Text edits that resolve a finding.
public struct Fix: Sendable {
    public var description: String
    /// The rule's: a rule declares its fix's safety once, in its metadata.
    public var safety: FixSafety
    public var edits: [TextEdit]

    public init(_ rule: RuleMeta, description: String, edits: [TextEdit]) {
        self.description = description
        // A rule that makes a fix without declaring one is caught by the rule example tests.
        self.safety = rule.fix ?? .unsafe(because: "\(rule.id) declares no fix")
        self.edits = edits
    }
}

/// A problem found, where it is, and how to fix it.
public struct Finding: Sendable {
    public var rule: RuleMeta
    /// The rule's severity after configuration overrides.
    public var severity: Severity
    public var message: String
    /// The path as given on the command line.
    public var file: String
    public var range: SourceRange
    public var fix: Fix?
    /// For build-context findings the path relative to the context root; for image findings the absolute path inside the image.
    public var path: String?
    /// For image findings: the 0-based index of the filesystem layer concerned.
    public var layer: Int?
    /// Tells apart findings of one rule at one place (each advisory on one package), so code-scanning
    /// services keep them as separate alerts.
    public var fingerprint: String?

    public init(rule: RuleMeta, severity: Severity? = nil, message: String, file: String, range: SourceRange, fix: Fix? = nil,
                path: String? = nil, layer: Int? = nil, fingerprint: String? = nil) {
        self.rule = rule
        self.severity = severity ?? rule.severity
        self.message = message
        self.file = file
        self.range = range
        self.fix = fix
        self.path = path
        self.layer = layer
        self.fingerprint = fingerprint
    }

    /// Image findings that no Dockerfile line explains are placed on line 0 of the image reference.
    public var hasSourceLine: Bool { range.start.line > 0 }
}

extension SourceRange {
    /// No line: the finding is about an image, not a source file.
    public static let noLine = SourceRange.line(0)
}
