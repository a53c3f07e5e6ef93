import DockerfileSyntax

/// The package-manager commands of a RUN, shared by the install rules.
enum PackageInstall {
    /// `apt-get install` / `apt install` commands of the RUN.
    static func aptInstalls(_ step: Step) -> [ShellCommand] {
        step.script?.commands.filter { $0.invokes(["apt-get", "apt"], subcommand: ["install"]) } ?? []
    }

    /// Whether a cache (or tmpfs) mount of the RUN covers `path`, keeping its files out of the layer.
    static func mountsCache(_ step: Step, covering path: String) -> Bool {
        step.expandedFlags.filter { $0.name == "mount" }.contains { flag in
            let mount = MountOptions(flag.value ?? "")
            if mount.type == "tmpfs", let target = mount.target { return path == target || path.hasPrefix(target + "/") }
            return mount.cachesPath(path)
        }
    }

}
