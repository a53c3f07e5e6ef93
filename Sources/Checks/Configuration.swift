/// Settings from `.plimsoll.yaml` (and hadolint's equivalent keys, so teams can switch).
public struct Configuration: Sendable, Equatable {
    /// Rule ids, names or aliases to drop.
    public var ignored: Set<String>
    /// Severity per rule id, name or alias.
    public var severityOverrides: [String: Severity]
    /// When non-empty, base images must come from one of these registries.
    public var trustedRegistries: [String]
    public var failOn: FailThreshold?
    /// Option values per rule id.
    public var ruleOptions: [String: [String: Int]]

    public init(ignored: Set<String> = [], severityOverrides: [String: Severity] = [:], trustedRegistries: [String] = [],
                failOn: FailThreshold? = nil, ruleOptions: [String: [String: Int]] = [:]) {
        self.ignored = ignored
        self.severityOverrides = severityOverrides
        self.trustedRegistries = trustedRegistries
        self.failOn = failOn
        self.ruleOptions = ruleOptions
    }

    public func isIgnored(_ rule: RuleMeta) -> Bool {
        ignored.contains { rule.isNamed($0) }
    }

    public func severityOverride(for rule: RuleMeta) -> Severity? {
        severityOverrides.first { rule.isNamed($0.key) }?.value
    }
}
