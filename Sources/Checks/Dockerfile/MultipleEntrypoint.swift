import DockerfileSyntax

struct MultipleEntrypoint: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD023", name: "multiple-entrypoint", severity: .error, aliases: ["DL4004", "DS-0007"],
        title: "More than one ENTRYPOINT in a stage",
        why: "Only the last ENTRYPOINT of a stage takes effect; an earlier one is dead code, often left from a copy-paste.",
        triggering: ["FROM alpine:3.20\nENTRYPOINT [\"a\"]\nENTRYPOINT [\"b\"]\n", "FROM alpine:3.20\nENTRYPOINT a\nENTRYPOINT [\"b\"]\n"],
        passing: ["FROM alpine:3.20\nENTRYPOINT [\"b\"]\n", "FROM alpine:3.20 AS a\nENTRYPOINT [\"a\"]\nFROM alpine:3.20\nENTRYPOINT [\"b\"]\n"])

    func check(_ context: LintContext) -> [Finding] { RepeatedInstruction.findings(.entrypoint, meta: Self.meta, in: context) }
}
