import ContainerImage

/// The practice: run as an unprivileged user.
struct ImageRunsAsRoot: ImageRule {
    static let meta = RuleMeta(
        id: "PI011", name: "image-runs-as-root", severity: .warning, aliases: ["CIS-DI-0001"],
        title: "The image runs as root",
        why: """
            A process running as root inside a container is root on the host's kernel: one escape or \
            misconfigured mount away from the host. Create an unprivileged user in the image and switch \
            to it with `USER`; the image config's `User` is what counts, whatever the Dockerfile says.
            """,
        triggering: [
            "== config ==\nUser: \n== layer: ADD file:rootfs in / ==\netc/os-release = ID=debian\\nVERSION_ID=\"12\"\n",
            "== config ==\nUser: 0:0\n== layer: ADD file:rootfs in / ==\netc/os-release = ID=alpine\n",
        ],
        passing: [
            "== config ==\nUser: 10001\n== layer: ADD file:rootfs in / ==\netc/os-release = ID=debian\n",
            "== config ==\nUser: app:app\n== layer: ADD file:rootfs in / ==\nusr/bin/app (100 bytes)\n",
        ])

    func check(_ image: ImageCheckContext) -> [Finding] {
        let user = image.imageConfiguration.config?.user ?? ""
        let name = user.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard name.isEmpty || name == "root" || name == "0" else { return [] }
        let described = user.isEmpty ? "no user is set" : "the user is `\(user)`"
        return [image.configFinding(Self.meta, keyword: "USER", """
            the image runs as root (\(described)); \(Self.remedy(image.tree.resolve("bin/sh") == nil ? nil : image.distribution))
            """)]
    }

    /// How to add a user on the image's distribution; nil (scratch, distroless: no shell to run
    /// `useradd` in, even where an os-release names Debian) gets a numeric USER, which needs no account.
    static func remedy(_ distribution: OSRelease?) -> String {
        guard let distribution else {
            return "an image without a shell (scratch, distroless) can run as an unused id: `USER 65532:65532`"
        }
        if distribution.isLike("alpine") {
            return "add `RUN adduser -D -u 10001 app` and `USER 10001` (Alpine)"
        }
        if distribution.isLike("debian") || distribution.isLike("ubuntu") {
            return "add `RUN useradd --create-home --uid 10001 app` and `USER 10001` (\(distribution.id))"
        }
        if distribution.isLike("rhel") || distribution.isLike("fedora") || distribution.id == "amzn" || distribution.isLike("suse") {
            return "add `RUN useradd --uid 10001 app` and `USER 10001` (\(distribution.id))"
        }
        return "create a user (uid 10001, say) and add `USER 10001`"
    }
}
