/// Whether applying a rule's fix can change what the image does, and if so how.
public enum FixSafety: Sendable, Equatable {
    /// Keeps behaviour; applied by `--fix`.
    case safe
    /// Changes behaviour or caching in a way a person should review; applied only with `--unsafe-fixes`.
    case unsafe(because: String)

    /// `safe` or `unsafe`, as reports and `plimsoll rules` print it.
    public var label: String {
        switch self {
        case .safe: "safe"
        case .unsafe: "unsafe"
        }
    }

    /// What the fix can change, for an unsafe one.
    public var reason: String? {
        if case .unsafe(let reason) = self { return reason }
        return nil
    }
}

/// A per-rule setting users can change under `rules:` in `.plimsoll.yaml`.
public struct RuleOption: Sendable {
    public var name: String
    public var defaultValue: Int
    public var summary: String

    public init(name: String, defaultValue: Int, summary: String) {
        self.name = name
        self.defaultValue = defaultValue
        self.summary = summary
    }
}

/// Everything a rule says about itself; the docs, `plimsoll rules` and the example tests read it.
public struct RuleMeta: Sendable {
    /// Stable, never reused: `PD###` Dockerfile, `PC###` build context, `PI###` image.
    public var id: String
    /// kebab-case, usable wherever an id is.
    public var name: String
    public var severity: Severity
    /// Equivalent ids in hadolint (`DL####`), trivy (`DS-####`), dockle (`CIS-DI-####`, `DKL-…`), checkov (`CKV_DOCKER_#`).
    public var aliases: [String]
    public var title: String
    public var why: String
    /// Dockerfiles on which the rule fires.
    public var triggering: [String]
    /// Dockerfiles on which it stays silent.
    public var passing: [String]
    /// The kind of fix the rule offers, if any.
    public var fix: FixSafety?
    public var options: [RuleOption]
    /// `.plimsoll.yaml` text the examples are checked with, for rules that act only when configured.
    public var exampleConfiguration: String?
    /// What registries are taken to answer in the examples, for rules that read `--online` facts.
    public var exampleBaseImages: BaseImageFacts
    /// Off unless listed under `enable:` (for practices many teams deliberately do not follow).
    public var isOptIn: Bool
    /// Where the rule reports differently from an alias's tool on purpose.
    public var differences: [AliasDifference]

    public init(id: String, name: String, severity: Severity, aliases: [String] = [], title: String, why: String,
                triggering: [String], passing: [String], fix: FixSafety? = nil, options: [RuleOption] = [], exampleConfiguration: String? = nil,
                exampleBaseImages: BaseImageFacts = [:], isOptIn: Bool = false, differences: [AliasDifference] = []) {
        self.id = id
        self.name = name
        self.severity = severity
        self.aliases = aliases
        self.title = title
        self.why = why
        self.triggering = triggering
        self.passing = passing
        self.fix = fix
        self.options = options
        self.exampleConfiguration = exampleConfiguration
        self.exampleBaseImages = exampleBaseImages
        self.isOptIn = isOptIn
        self.differences = differences
    }

    /// Whether `identifier` (an id, name or alias, any case) names this rule.
    public func isNamed(_ identifier: String) -> Bool {
        let wanted = identifier.uppercased()
        return id == wanted || name.uppercased() == wanted || aliases.contains { $0.uppercased() == wanted }
    }
}
