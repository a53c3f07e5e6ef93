/// Settings from `.plimsoll.yaml` (and hadolint's equivalent keys, so teams can switch).
public struct Configuration: Sendable, Equatable {
    /// Rule ids, names or aliases to drop.
    public var ignored: Set<String>
    /// Opt-in rules to run, by id, name or alias.
    public var enabled: Set<String> = []
    /// Severity per rule id, name or alias.
    public var severityOverrides: [String: Severity]
    /// When non-empty, base images must come from one of these registries.
    public var trustedRegistries: [String]
    public var failOn: FindingThreshold?
    /// Option values per rule id.
    public var ruleOptions: [String: [String: Int]]
    /// Required labels and the type of their values (hadolint's `label-schema`).
    public var labelSchema: [String: LabelType] = [:]
    /// With a schema, labels outside it are findings too.
    public var strictLabels = false
    /// Extra file patterns that hold credentials in images (`*.p12`, `config/master.key`).
    public var sensitiveFiles: [String] = []
    /// Image paths whose findings are dropped (test fixtures that hold keys on purpose, …).
    public var allowPaths: [String] = []
    /// Accepted vulnerabilities, each with its reason and optional expiry.
    public var vulnerabilityExceptions: [VulnerabilityException] = []
    /// `shellcheck: false` turns the ShellCheck pass off; a path picks the binary.
    public var shellcheck: ShellCheckChoice = .automatic

    public init(ignored: Set<String> = [], severityOverrides: [String: Severity] = [:], trustedRegistries: [String] = [],
                failOn: FindingThreshold? = nil, ruleOptions: [String: [String: Int]] = [:]) {
        self.ignored = ignored
        self.severityOverrides = severityOverrides
        self.trustedRegistries = trustedRegistries
        self.failOn = failOn
        self.ruleOptions = ruleOptions
    }

    public func isIgnored(_ rule: RuleMeta) -> Bool {
        ignored.contains { rule.isNamed($0) }
    }

    /// Whether a rule runs at all: not ignored, and enabled if it is opt-in.
    public func runs(_ rule: RuleMeta) -> Bool {
        !isIgnored(rule) && (!rule.isOptIn || enabled.contains { rule.isNamed($0) })
    }

    /// The value of one of `rule`'s options: configured under `rules:`, or its default.
    public func option(_ name: String, of rule: RuleMeta) -> Int {
        ruleOptions[rule.id]?[name] ?? rule.options.first { $0.name == name }?.defaultValue ?? 0
    }

    public func severityOverride(for rule: RuleMeta) -> Severity? {
        severityOverrides.first { rule.isNamed($0.key) }?.value
    }
}
