import DockerfileSyntax

struct DuplicateStageName: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD020", name: "duplicate-stage-name", severity: .error, aliases: ["DL3024", "DS-0012", "CKV_DOCKER_11"],
        title: "Two stages have the same name",
        why: "Stage names must be unique (case-insensitively); BuildKit refuses the file, and `--from` and `--target` could not tell the stages apart.",
        triggering: ["FROM golang:1.23 AS build\nFROM node:22 AS build\n", "FROM alpine:3.20 AS base\nFROM alpine:3.20 AS BASE\n"],
        passing: ["FROM golang:1.23 AS build-go\nFROM node:22 AS build-js\n", "FROM alpine:3.20\nFROM alpine:3.20\n"])

    func check(_ context: LintContext) -> [Finding] {
        var seen: [String: Int] = [:]
        return context.graph.stages.compactMap { stage in
            guard let name = stage.name else { return nil }
            if let first = seen[name] {
                return context.finding(Self.meta, at: stage.from.span, "stage name `\(name)` is already used by the stage on line \(first)")
            }
            seen[name] = stage.from.startLine
            return nil
        }
    }
}
