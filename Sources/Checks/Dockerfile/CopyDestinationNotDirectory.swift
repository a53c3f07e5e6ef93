import DockerfileSyntax

struct CopyDestinationNotDirectory: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD017", name: "copy-destination-not-directory", severity: .error, aliases: ["DL3021", "DS-0011"],
        title: "COPY with several sources to a destination without a trailing /",
        why: """
            With more than one source, Docker requires the destination to be a directory written with a \
            trailing `/`; otherwise the build fails ("When using COPY with more than one source file, the \
            destination must be a directory and end with a /").
            """,
        triggering: ["FROM node:22-slim\nCOPY package.json package-lock.json /app\n", "FROM node:22-slim\nADD a.txt b.txt /data\n"],
        passing: ["FROM node:22-slim\nCOPY package.json package-lock.json /app/\n", "FROM node:22-slim\nCOPY package.json /app\n",
                  "FROM node:22-slim\nWORKDIR /app\nCOPY a.txt b.txt .\n"],
        fix: .safe)

    func check(_ context: LintContext) -> [Finding] {
        context.allSteps.compactMap { step -> Finding? in
            let instruction = step.instruction
            guard instruction.kind == .copy || instruction.kind == .add, instruction.heredocs.isEmpty,
                  step.expanded.count > 2, let destination = step.expanded.last, let written = instruction.arguments.last,
                  !destination.hasSuffix("/"), destination != ".", !destination.hasSuffix("/.") else { return nil }
            let fix = instruction.isJSONForm ? nil : Fix(Self.meta, description: "Add a trailing / to the destination",
                                                         edits: [context.edit(SourceSpan(start: written.span.end, end: written.span.end), "/")])
            return context.finding(Self.meta, at: written.span,
                                   "\(instruction.keyword.uppercased()) has \(step.expanded.count - 1) sources, so the destination `\(destination)` must end with /", fix: fix)
        }
    }
}
