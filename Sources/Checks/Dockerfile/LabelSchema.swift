import DockerfileSyntax

struct LabelSchema: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD057", name: "label-schema", severity: .warning,
        aliases: ["DL3049", "DL3050", "DL3051", "DL3052", "DL3053", "DL3054", "DL3055", "DL3056", "DL3058"],
        title: "Labels do not follow the configured label-schema",
        why: """
            Teams that index images by their labels (source repository, revision, version, licence, owner) \
            configure `label-schema` in `.plimsoll.yaml` (hadolint's format): every listed label must be set \
            on the image with a value of its type (text, url, semver, hash, rfc3339, spdx, email), and with \
            `strict-labels: true` no other label may appear. Without a schema the rule does nothing.
            """,
        triggering: ["FROM alpine:3.24\nLABEL org.opencontainers.image.version=1.2\n",
                     "FROM alpine:3.24\nLABEL org.opencontainers.image.version=1.2.0 org.opencontainers.image.source=github.com/x/y\n"],
        passing: ["FROM alpine:3.24\nLABEL org.opencontainers.image.version=1.2.0 org.opencontainers.image.source=https://github.com/x/y\n",
                  "FROM alpine:3.24 AS base\nLABEL org.opencontainers.image.version=2.0.0-rc.1\nFROM base\nLABEL org.opencontainers.image.source=https://example.com/y\n"],
        exampleConfiguration: "label-schema:\n  org.opencontainers.image.version: semver\n  org.opencontainers.image.source: url\n")

    func check(_ context: LintContext) -> [Finding] {
        let schema = context.configuration.labelSchema
        guard !schema.isEmpty, let final = context.graph.finalStage else { return [] }
        var findings: [Finding] = []
        var present: Set<String> = []
        for step in context.layerSteps where step.instruction.kind == .label {
            guard case .pairs(let pairs, _) = step.instruction.body else { continue }
            for (index, (key, value)) in step.expandedPairs.enumerated() {
                let span = index < pairs.count ? pairs[index].key.span : step.instruction.span
                present.insert(key)
                if let type = schema[key], let problem = type.problem(with: value) {
                    findings.append(context.finding(Self.meta, at: span, "label `\(key)` \(problem) (label-schema: \(type.rawValue))"))
                } else if schema[key] == nil, context.configuration.strictLabels {
                    findings.append(context.finding(Self.meta, at: span, "label `\(key)` is not in label-schema (strict-labels)"))
                }
            }
        }
        for label in schema.keys.sorted() where !present.contains(label) {
            findings.append(context.finding(Self.meta, at: final.from.span, "label `\(label)` required by label-schema is missing"))
        }
        return findings
    }
}
