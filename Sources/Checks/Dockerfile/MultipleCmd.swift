import DockerfileSyntax

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
