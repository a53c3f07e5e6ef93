import DockerfileSyntax

/// The practice: narrow COPY/ADD.
struct CopyWholeContext: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD005", name: "copy-whole-context", severity: .info,
        title: "COPY copies the whole build context into the image",
        why: """
            `COPY . .` puts everything the build context holds into a layer of the image: `.git`, tests, \
            local `.env` files, logs, editor folders, and whatever `.dockerignore` forgets. It also \
            invalidates the layer cache on any change to any file. Copy the paths the application needs, \
            or build in an earlier stage and copy only the result.
            """,
        triggering: [
            "FROM node:22-slim\nWORKDIR /app\nCOPY . .\n",
            "FROM python:3.12-slim\nADD ./ /srv/app\n",
        ],
        passing: [
            "FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nCOPY src ./src\n",
            "FROM golang:1.23 AS build\nCOPY . .\nRUN go build -o /app\nFROM scratch\nCOPY --from=build /app /app\n",
        ])

    static func isWholeContext(_ source: String) -> Bool {
        var path = Substring(source)
        while path.hasPrefix("./") { path = path.dropFirst(2) }
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        return path == "." || path.isEmpty
    }

    func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for stage in context.graph.stages where stage.shipsLayers {
            for step in stage.steps where step.instruction.kind == .copy || step.instruction.kind == .add {
                guard step.expandedFlag(named: "from") == nil, step.instruction.heredocs.isEmpty, step.expanded.count >= 2 else { continue }
                let sources = step.expanded.dropLast()
                guard sources.contains(where: Self.isWholeContext) else { continue }
                let destination = step.expanded.last ?? "."
                let message = "`\(step.instruction.keyword) \(sources.joined(separator: " ")) \(destination)` copies the whole build context into the image; copy only what the application needs"
                findings.append(context.finding(Self.meta, at: step.instruction.span, message))
            }
        }
        return findings
    }
}
