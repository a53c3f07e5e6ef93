import BuildContext

/// The practice: keep a `.dockerignore`.
struct DockerignoreMissing: ContextRule {
    static let meta = RuleMeta(
        id: "PC001", name: "dockerignore-missing", severity: .warning,
        title: "No .dockerignore, and COPY copies the whole context",
        why: """
            Without a `.dockerignore`, `docker build` sends every file in the context to the builder, and \
            `COPY . .` then puts all of it in the image: `.git`, local `.env` files, `node_modules`, logs, \
            build output. A `.dockerignore` that lists what the image does not need keeps builds fast and \
            images small, and keeps secrets out of layers.
            """,
        triggering: [
            "== Dockerfile ==\nFROM node:22-slim\nWORKDIR /app\nCOPY . .\n== server.js ==\nconsole.log(1)\n",
            "== Dockerfile ==\nFROM python:3.12-slim\nADD ./ /srv\n== app.py ==\nprint(1)\n",
        ],
        passing: [
            "== Dockerfile ==\nFROM node:22-slim\nCOPY . .\n== .dockerignore ==\nnode_modules\n== server.js ==\nconsole.log(1)\n",
            "== Dockerfile ==\nFROM node:22-slim\nCOPY server.js /app/\n== server.js ==\nconsole.log(1)\n",
        ])

    func check(_ context: ContextCheckContext) -> [Finding] {
        guard context.snapshot.ignoreFile == nil else { return [] }
        return context.copies.filter(\.copiesWholeContext).prefix(1).map { copy in
            context.finding(Self.meta, at: copy, path: ".",
                            "\(copy.label) copies the whole context (\(copy.files.count) files, \(ByteSize.format(copy.totalBytes))) and there is no .dockerignore; add one that excludes what the image does not need")
        }
    }
}
