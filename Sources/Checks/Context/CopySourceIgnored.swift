import BuildContext
/// BuildKit's `CopyIgnoredFile` check.
struct CopySourceIgnored: ContextRule {
    static let meta = RuleMeta(
        id: "PC009", name: "copy-source-ignored", severity: .warning, aliases: ["CopyIgnoredFile"],
        title: "COPY names a path that .dockerignore excludes",
        why: """
            The path is excluded from the context, so the builder never receives it: the COPY fails with \
            "not found", or, with a wildcard, silently copies less than intended. Either the pattern in \
            `.dockerignore` is too broad or the COPY is stale.
            """,
        triggering: [
            "== Dockerfile ==\nFROM alpine:3.20\nCOPY config /etc/app\n== .dockerignore ==\nconfig\n== config/app.yaml ==\na: 1\n",
            "== Dockerfile ==\nFROM node:22-slim\nCOPY package.json /app/\n== .dockerignore ==\n*.json\n== package.json ==\n{}\n",
        ],
        passing: [
            "== Dockerfile ==\nFROM alpine:3.20\nCOPY config /etc/app\n== config/app.yaml ==\na: 1\n",
            "== Dockerfile ==\nFROM node:22-slim\nCOPY index.js /app/\n== .dockerignore ==\n*.json\n== index.js ==\n1\n== package.json ==\n{}\n",
        ])

    func check(_ context: ContextCheckContext) -> [Finding] {
        context.copies.flatMap { copy in
            copy.unmatched.filter(\.ignored).map { unmatched in
                context.finding(Self.meta, at: copy, path: unmatched.source,
                                "\(copy.label): `\(unmatched.source)` is excluded by \(context.snapshot.ignoreFile ?? ".dockerignore"), so the builder never receives it")
            }
        }
    }
}
