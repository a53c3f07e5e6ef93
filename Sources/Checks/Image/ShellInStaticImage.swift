import ContainerImage

/// The practice: a static binary needs no distribution around it.
struct ShellInStaticImage: ImageRule {
    static let meta = RuleMeta(
        id: "PI028", name: "shell-in-static-image", severity: .info,
        title: "A statically linked entrypoint ships with a shell and package manager",
        why: """
            When the entrypoint is a static binary (Go, Rust with musl, static C), nothing in the image \
            needs a shell, a package manager or the rest of a distribution: they only add size and give \
            an intruder tools. `gcr.io/distroless/static` or `scratch` (plus CA certificates and tzdata if \
            needed) is enough.
            """,
        triggering: [
            """
            == config ==
            Entrypoint: /app/server
            == layer: ADD file:rootfs in / ==
            bin/sh (100000 bytes)
            usr/bin/apt-get (20000 bytes)
            == layer: COPY server /app/server # buildkit ==
            app/server = <static ELF executable>
            """,
        ],
        passing: [
            """
            == config ==
            Entrypoint: /app/server
            == layer: COPY server /app/server # buildkit ==
            app/server = <static ELF executable>
            """,
            """
            == config ==
            Entrypoint: /app/server
            == layer: ADD file:rootfs in / ==
            bin/sh (100000 bytes)
            == layer: COPY server /app/server # buildkit ==
            app/server = <dynamic ELF executable>
            """,
        ])

    static let shells = ["bin/sh", "bin/bash", "bin/ash", "usr/bin/bash", "bin/busybox"]
    static let packageManagers = ["usr/bin/apt-get", "usr/bin/dpkg", "sbin/apk", "usr/bin/dnf", "usr/bin/yum", "usr/bin/rpm", "usr/bin/microdnf"]

    func check(_ image: ImageCheckContext) -> [Finding] {
        let selection = ImageContentSelection(configuration: image.imageConfiguration)
        guard let program = selection.programPaths.sorted().first(where: { image.finalContent($0) != nil }),
              let header = image.finalContent(program), ELFHeader.isStatic(header) == true else { return [] }
        let tools = (Self.shells + Self.packageManagers).filter { image.tree.resolve($0)?.node.kind == .regular }
        guard !tools.isEmpty else { return [] }
        let layer = image.tree.lookup(program)?.layer
        return [image.finding(Self.meta, layer: layer, path: program, """
            the entrypoint /\(program) is a static binary, yet the image ships \(tools.map { "/" + $0 }.joined(separator: ", ")); \
            a distroless/static or scratch base would do
            """)]
    }
}
