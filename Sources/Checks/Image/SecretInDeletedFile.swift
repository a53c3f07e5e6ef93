/// The practice: deleting a file in a later layer does not remove it from the image.
struct SecretInDeletedFile: ImageRule {
    static let meta = RuleMeta(
        id: "PI022", name: "secret-in-deleted-file", severity: .error,
        title: "A credential deleted by a later layer is still in the image",
        why: """
            A file removed or overwritten in a later layer stays, byte for byte, in the layer that added \
            it; `docker save` and any registry client hand it out. A key copied in and deleted later has \
            leaked all the same. Rotate the credential, and use `RUN --mount=type=secret` or a build stage \
            so it never lands in a layer.
            """,
        triggering: [
            """
            == layer: COPY id_rsa /root/.ssh/id_rsa # buildkit ==
            root/.ssh/id_rsa = -----BEGIN RSA PRIVATE KEY-----\\nMIIEowIBAAKCAQEA\\n-----END RSA PRIVATE KEY-----
            == layer: RUN /bin/sh -c git clone git@example.com:app.git && rm /root/.ssh/id_rsa # buildkit ==
            root/.ssh/.wh.id_rsa
            """,
        ],
        passing: [
            """
            == layer: COPY app /app # buildkit ==
            app/settings.yaml = region: eu-west-1
            == layer: RUN /bin/sh -c rm /app/settings.yaml # buildkit ==
            app/.wh.settings.yaml
            """,
        ])

    func check(_ image: ImageCheckContext) -> [Finding] {
        image.secrets.filter { !$0.isVisible(in: image.tree) }.map { secret in
            image.finding(Self.meta, layer: secret.layer, path: secret.path, """
                /\(secret.path) held a credential (\(secret.description)) in \(image.describe(layer: secret.layer)); a later layer \
                hides it, but the layer still ships it: rotate it and keep it out of every layer
                """)
        }
    }
}
