import DockerfileSyntax

struct CopyRelativeDestination: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD039", name: "copy-relative-destination", severity: .warning, aliases: ["DL3045"],
        title: "COPY to a relative destination with no WORKDIR set",
        why: """
            A relative COPY destination is resolved against the working directory, which, until a WORKDIR \
            in this stage, is whatever the base image chose (often `/`). A new base image version can move \
            the files. Set WORKDIR first or copy to an absolute path.
            """,
        triggering: ["FROM node:22-slim\nCOPY package.json .\n", "FROM python:3.12-slim\nCOPY app/ app/\n"],
        passing: ["FROM node:22-slim\nWORKDIR /app\nCOPY package.json .\n", "FROM node:22-slim\nCOPY package.json /app/\n",
                  "FROM node:22-slim AS base\nWORKDIR /app\nFROM base\nCOPY package.json .\n"])

    func check(_ context: LintContext) -> [Finding] {
        var hasWorkdir: [Bool] = []
        var findings: [Finding] = []
        for stage in context.graph.stages {
            var workdir = false
            if case .stage(let parent) = stage.base, parent < hasWorkdir.count { workdir = hasWorkdir[parent] }
            for step in stage.steps {
                if step.instruction.kind == .workdir { workdir = true }
                guard !workdir, step.instruction.kind == .copy || step.instruction.kind == .add,
                      let destination = step.expanded.last, step.expanded.count >= 2,
                      !WorkdirRelative.isAbsolute(destination), !destination.hasPrefix("$") else { continue }
                findings.append(context.finding(Self.meta, at: step.instruction.span,
                                                "`\(destination)` is relative and no WORKDIR is set in this stage; add `WORKDIR /app` (or similar) before it"))
            }
            hasWorkdir.append(workdir)
        }
        return findings
    }
}
