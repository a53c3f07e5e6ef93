/// The practice: secrets never go into an image.
struct SecretInImageFile: ImageRule {
    static let meta = RuleMeta(
        id: "PI021", name: "secret-in-image-file", severity: .error, aliases: ["CIS-DI-0010"],
        title: "A credential is in the image's filesystem",
        why: """
            Anyone who can pull the image can read its files: private keys, `.env` files, cloud and \
            registry credentials and tokens in configuration are as good as published. Keep them out of \
            the build context with `.dockerignore`, pass build secrets with `RUN --mount=type=secret`, and \
            give the container its secrets at run time. Values are shown masked.
            """,
        triggering: [
            "== layer: COPY . /app # buildkit ==\napp/.env = DATABASE_URL=postgres://app:pw@db/app\n",
            "== layer: COPY config /etc/app # buildkit ==\netc/app/settings.yaml = aws_key: AKIAABCDEFGHIJKLMNOP\n",
            "== layer: COPY .ssh /root/.ssh # buildkit ==\nroot/.ssh/id_rsa = -----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAA\\n-----END OPENSSH PRIVATE KEY-----\n",
        ],
        passing: [
            "== layer: COPY . /app # buildkit ==\napp/.env.example = DATABASE_URL=\napp/settings.yaml = region: eu-west-1\n",
            "== layer: ADD file:rootfs in / ==\nusr/share/doc/aws/example.conf = aws_key: AKIAABCDEFGHIJKLMNOP\n",
        ])

    func check(_ image: ImageCheckContext) -> [Finding] {
        image.secrets.filter { $0.isVisible(in: image.tree) }.map { secret in
            image.finding(Self.meta, layer: secret.layer, path: secret.path,
                          "/\(secret.path) holds a credential (\(secret.description)), added by \(image.describe(layer: secret.layer)); anyone who pulls the image can read it")
        }
    }
}
