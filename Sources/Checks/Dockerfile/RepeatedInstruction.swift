import DockerfileSyntax

/// CMD, ENTRYPOINT and HEALTHCHECK take effect once per stage: only the last counts. Like
/// hadolint, each repetition is reported (so its `ignore` pragmas keep working), naming the line it replaces.
enum RepeatedInstruction {
    static func findings(_ kind: InstructionKind, meta: RuleMeta, in context: LintContext) -> [Finding] {
        context.graph.stages.flatMap { stage -> [Finding] in
            let steps = stage.steps.filter { $0.instruction.kind == kind }
            return zip(steps, steps.dropFirst()).map { previous, step in
                context.finding(meta, at: step.instruction.span,
                                "this \(kind.rawValue.uppercased()) replaces the one on line \(previous.instruction.startLine) of the same stage, which has no effect; keep one")
            }
        }
    }
}

struct MultipleCmd: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD022", name: "multiple-cmd", severity: .warning, aliases: ["DL4003", "DS-0016"],
        title: "More than one CMD in a stage",
        why: "Only the last CMD of a stage takes effect; earlier ones are dead code that misleads readers about what the container runs.",
        triggering: ["FROM node:22-slim\nCMD [\"node\", \"a.js\"]\nCMD [\"node\", \"b.js\"]\n", "FROM alpine:3.20\nCMD sh\nRUN true\nCMD [\"ash\"]\n"],
        passing: ["FROM node:22-slim\nCMD [\"node\", \"b.js\"]\n", "FROM node:22 AS test\nCMD [\"npm\", \"test\"]\nFROM node:22-slim\nCMD [\"node\", \"a.js\"]\n"],
        differences: [AliasDifference(.noBaseImage, aliases: ["DL4003"], "CMDs before any FROM belong to no stage: the file cannot be built (PD008 says so), so they are not counted.")])

    func check(_ context: LintContext) -> [Finding] { RepeatedInstruction.findings(.cmd, meta: Self.meta, in: context) }
}

struct MultipleEntrypoint: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD023", name: "multiple-entrypoint", severity: .error, aliases: ["DL4004", "DS-0007"],
        title: "More than one ENTRYPOINT in a stage",
        why: "Only the last ENTRYPOINT of a stage takes effect; an earlier one is dead code, often left from a copy-paste.",
        triggering: ["FROM alpine:3.20\nENTRYPOINT [\"a\"]\nENTRYPOINT [\"b\"]\n", "FROM alpine:3.20\nENTRYPOINT a\nENTRYPOINT [\"b\"]\n"],
        passing: ["FROM alpine:3.20\nENTRYPOINT [\"b\"]\n", "FROM alpine:3.20 AS a\nENTRYPOINT [\"a\"]\nFROM alpine:3.20\nENTRYPOINT [\"b\"]\n"])

    func check(_ context: LintContext) -> [Finding] { RepeatedInstruction.findings(.entrypoint, meta: Self.meta, in: context) }
}

struct MultipleHealthcheck: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD024", name: "multiple-healthcheck", severity: .error, aliases: ["DL3012", "DS-0023"],
        title: "More than one HEALTHCHECK in a stage",
        why: "Only the last HEALTHCHECK of a stage takes effect; an earlier one never runs, and readers are misled about how the container is probed.",
        triggering: ["FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/\nHEALTHCHECK CMD wget -q -O- http://localhost/\n",
                     "FROM nginx:1.27\nHEALTHCHECK NONE\nHEALTHCHECK CMD true\n"],
        passing: ["FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/\n", "FROM nginx:1.27 AS a\nHEALTHCHECK NONE\nFROM nginx:1.27\nHEALTHCHECK CMD true\n"])

    func check(_ context: LintContext) -> [Finding] { RepeatedInstruction.findings(.healthcheck, meta: Self.meta, in: context) }
}
