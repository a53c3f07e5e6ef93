/// The practice: secrets never reach the builder.
struct SecretInContext: ContextRule {
    static let meta = RuleMeta(
        id: "PC002", name: "secret-in-context", severity: .warning,
        title: "A credential is sent to the builder",
        why: """
            Everything in the build context is uploaded to the builder, which may be a remote service or a \
            shared CI machine, and is one careless `COPY` away from an image layer. Credentials (`.env` \
            files, private keys, registry and cloud credentials, tokens in configuration) belong in \
            `.dockerignore`; a build that needs one should use `RUN --mount=type=secret`.
            """,
        triggering: [
            "== Dockerfile ==\nFROM node:22-slim\nCOPY server.js /app/\n== server.js ==\nconsole.log(1)\n== .env ==\nDATABASE_PASSWORD=hunter2\n",
            "== Dockerfile ==\nFROM alpine:3.20\nCOPY run.sh /\n== run.sh ==\necho\n== deploy/settings.yaml ==\naws_access_key_id: AKIAIOSFODNN7EXAMPLE\n",
        ],
        passing: [
            "== Dockerfile ==\nFROM node:22-slim\nCOPY server.js /app/\n== server.js ==\nconsole.log(1)\n== .env ==\nA=1\n== .dockerignore ==\n.env\n",
            "== Dockerfile ==\nFROM node:22-slim\nCOPY server.js /app/\n== server.js ==\nconsole.log(1)\n== .env.example ==\nDATABASE_PASSWORD=\n",
        ])

    func check(_ context: ContextCheckContext) -> [Finding] {
        context.secrets.filter { context.carriers[$0.path] == nil }.map { secret in
            context.finding(Self.meta, path: secret.path, line: secret.line,
                            "`\(secret.path)` \(secret.description) and is sent to the builder; add it to .dockerignore")
        }
    }
}
