/// The practice: secrets never reach a layer.
struct SecretCopiedIntoImage: ContextRule {
    static let meta = RuleMeta(
        id: "PC003", name: "secret-copied-into-image", severity: .error,
        title: "A credential is copied into the image",
        why: """
            A COPY or ADD puts this credential into an image layer. Anyone who can pull the image can read \
            it, and deleting it in a later step does not remove it from the earlier layer. Exclude it in \
            `.dockerignore`, narrow the COPY, and pass secrets at build time with `RUN --mount=type=secret` \
            or at run time through the environment or a secret store.
            """,
        triggering: [
            "== Dockerfile ==\nFROM node:22-slim\nCOPY . /app\n== server.js ==\nconsole.log(1)\n== .env ==\nDATABASE_PASSWORD=hunter2\n",
            "== Dockerfile ==\nFROM nginx:1.27\nCOPY tls /etc/nginx/tls\n== tls/site.key ==\n-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----\n",
        ],
        passing: [
            "== Dockerfile ==\nFROM node:22-slim\nCOPY . /app\n== .dockerignore ==\n.env\n== .env ==\nDATABASE_PASSWORD=hunter2\n",
            "== Dockerfile ==\nFROM nginx:1.27\nCOPY tls/site.crt /etc/nginx/tls/\n== tls/site.crt ==\n-----BEGIN CERTIFICATE-----\nMIID\n",
        ])

    func check(_ context: ContextCheckContext) -> [Finding] {
        context.secrets.compactMap { secret in
            guard let copy = context.carriers[secret.path] else { return nil }
            return context.finding(Self.meta, at: copy, path: secret.path,
                                   "\(copy.label) copies `\(secret.path)` into the image, and it \(secret.masked == nil ? "is a credential file " : "")\(secret.description); exclude it in .dockerignore and use `RUN --mount=type=secret`")
        }
    }
}
