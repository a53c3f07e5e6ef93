import DockerfileSyntax

/// The practice: fewer layers.
struct ConsecutiveRun: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD001", name: "consecutive-run", severity: .info, aliases: ["DL3059"],
        title: "Consecutive RUN instructions can be one",
        why: """
            Every RUN adds a layer. Consecutive RUNs in the stages that make up the image can usually be \
            joined with `&&`: fewer layers pull faster, and files deleted by a later command then never \
            reach a layer at all. RUNs with different `--mount`, `--network` or `--security` flags are \
            left apart, since joining them would change what each command can see. As in hadolint, a RUN \
            that already chains more than two commands is taken as a layer split on purpose (usually for \
            the build cache) and not counted; `max-chained-commands: 0` counts those too.
            """,
        triggering: [
            "FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n",
            "FROM alpine:3.20\nRUN adduser -D app\nRUN mkdir /data\nRUN chown app /data\n",
        ],
        passing: [
            "FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n",
            "FROM alpine:3.20\nRUN --mount=type=cache,target=/root/.cache pip install -r req.txt\nRUN adduser -D app\n",
            "FROM golang:1.23 AS build\nRUN go mod download\nRUN go build -o /app\nFROM scratch\nCOPY --from=build /app /app\n",
            "FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nRUN useradd app\n",
        ],
        fix: .unsafe(because: "the joined RUNs share one layer and one build-cache entry, so a change to either reruns both; the split may have been kept on purpose, to cache a slow step"),
        options: [RuleOption(name: "min-consecutive", defaultValue: 2, summary: "how many consecutive RUNs make a finding"),
                  RuleOption(name: "max-chained-commands", defaultValue: 2,
                             summary: "a RUN chaining more commands than this stands alone (0: no limit)")],
        differences: [AliasDifference(.buildStage, aliases: ["DL3059"], "build stages whose layers do not make up the image are not flagged (hadolint flags them): joining their RUNs does not change the image.")])

    func check(_ context: LintContext) -> [Finding] {
        let minimum = max(2, context.option("min-consecutive", of: Self.meta))
        let chainLimit = context.option("max-chained-commands", of: Self.meta)
        var findings: [Finding] = []
        for stage in context.graph.stages where stage.shipsLayers {
            var group: [Step] = []
            func flush() {
                if group.count >= minimum { findings.append(contentsOf: self.findings(for: group, in: context)) }
                group.removeAll()
            }
            for step in stage.steps {
                guard step.instruction.kind == .run else { flush(); continue }
                if chainLimit > 0, let commands = step.script?.commands.count, commands > chainLimit {
                    flush()
                    continue
                }
                if let first = group.first, Set(first.expandedFlags.map(\.text)) != Set(step.expandedFlags.map(\.text)) { flush() }
                group.append(step)
            }
            flush()
        }
        return findings
    }

    /// One finding per RUN after the first, as hadolint reports DL3059; each fix joins that RUN to
    /// the one before it, so applying them all leaves a single RUN.
    private func findings(for group: [Step], in context: LintContext) -> [Finding] {
        let first = group[0].instruction.startLine
        return group.indices.dropFirst().map { index in
            let previous = group[index - 1], step = group[index]
            let message = "RUN continues the RUN on line \(previous.instruction.startLine): the \(group.count) consecutive RUNs from line \(first) make \(group.count) layers; join them with &&"
            return context.finding(Self.meta, at: step.instruction.keywordSpan, message, fix: fix(joining: step, to: previous, in: context))
        }
    }

    /// Only plain POSIX shell-form RUNs whose text can take a trailing `&&` are joined.
    private func fix(joining step: Step, to previous: Step, in context: LintContext) -> Fix? {
        let joinable = [previous, step].allSatisfy { step in
            guard case .shell(let line) = step.instruction.body, step.usesPOSIXShell, step.instruction.heredocs.isEmpty else { return false }
            return !line.value.contains("#") && !line.value.hasSuffix(";") && !line.value.hasSuffix("&") && !line.value.hasSuffix("|")
        }
        guard joinable else { return nil }
        let gap = SourceSpan(start: previous.instruction.rest.span.end, end: step.instruction.rest.span.start)
        return Fix(Self.meta, description: "Join this RUN to the one on line \(previous.instruction.startLine) with &&",
                   edits: [context.edit(gap, " \\\n    && ")])
    }
}
