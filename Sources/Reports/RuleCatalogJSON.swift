import Checks

/// `plimsoll rules --format json`: the registry as data, for editors and dashboards.
public enum RuleCatalogJSON {
    public static func render(_ rules: [RuleMeta]) -> String {
        JSONValue.object([
            ("version", .number(1)),
            ("rules", .array(rules.map { rule in
                .object([
                    ("id", .string(rule.id)),
                    ("name", .string(rule.name)),
                    ("severity", .string(rule.severity.rawValue)),
                    ("aliases", .array(rule.aliases.map(JSONValue.string))),
                    ("title", .string(rule.title)),
                    ("why", .string(rule.why)),
                    ("fix", rule.fix.map { .string($0.label) } ?? .null),
                    ("fixUnsafeBecause", rule.fix?.reason.map(JSONValue.string) ?? .null),
                    ("optIn", .bool(rule.isOptIn)),
                    ("differences", .array(rule.differences.map { difference in
                        .object([("kind", .string(difference.kind.rawValue)), ("aliases", .array(difference.aliases.map(JSONValue.string))),
                                 ("explanation", .string(difference.explanation))])
                    })),
                    ("triggering", .array(rule.triggering.map(JSONValue.string))),
                    ("passing", .array(rule.passing.map(JSONValue.string))),
                ])
            })),
        ]).rendered()
    }
}
