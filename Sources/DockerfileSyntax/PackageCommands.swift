/// The package-manager commands of one RUN and the mounts that keep their files out of its layer:
/// the one model every rule about package managers asks, for a Dockerfile RUN and for a RUN in an
/// image's history alike (the history records no mounts).
public struct PackageCommands: Sendable {
    public let commands: [PackageManagerCommand]
    public let script: ShellScript
    /// The RUN's `--mount` flags.
    public let mounts: [MountOptions]

    public init(_ script: ShellScript, mounts: [MountOptions] = []) {
        self.script = script
        self.mounts = mounts
        var commands: [PackageManagerCommand] = []
        for (position, command) in script.commands.enumerated() {
            if let parsed = PackageManagerCommand(command, position: position) { commands.append(parsed) }
        }
        self.commands = commands
    }

    /// A RUN of a Dockerfile, with its mounts.
    public init?(_ step: Step) {
        guard let script = step.script else { return nil }
        self.init(script, mounts: step.expandedFlags.filter { $0.name == "mount" }.map { MountOptions($0.value ?? "") })
    }

    /// Whether a cache or tmpfs mount of the RUN covers `path`, so what is written there never reaches the layer.
    public func mounts(covering path: String) -> Bool {
        mounts.contains { $0.keepsOutOfLayer(path) }
    }

    /// The commands of `manager` whose subcommand is `subcommand` exactly (`install`, not `reinstall`).
    public func commands(_ manager: PackageManager, subcommand: String) -> [ShellCommand] {
        commands.filter { $0.manager == manager && $0.subcommand == subcommand }.map(\.command)
    }

    /// What package managers leave in this RUN's layer: each directory a command wrote, with the
    /// first command that wrote it, unless a mount covers it or it is removed (`rm`, or the
    /// manager's own clean) after the last command of that manager that uses it.
    public var leftInLayer: [(command: PackageManagerCommand, directory: String)] {
        var left: [(command: PackageManagerCommand, directory: String)] = []
        for command in commands {
            for directory in command.writes where !left.contains(where: { $0.directory == directory }) {
                let lastUse = commands.last { $0.manager == command.manager && ($0.usesStore || $0.writes.contains(directory)) }?.position ?? command.position
                let removed = script.removes(directory, after: lastUse) || commands.contains { $0.position > lastUse && $0.cleans(directory) }
                if !removed, !mounts(covering: directory) { left.append((command, directory)) }
            }
        }
        return left
    }

    /// The first command whose `directory` stays in the layer.
    public func leaves(_ directory: String) -> PackageManagerCommand? {
        leftInLayer.first { $0.directory == directory }?.command
    }

    /// Index refreshes whose manager installs and upgrades nothing in the same RUN: a layer of
    /// package lists that only goes stale.
    public var refreshesWithoutInstalling: [PackageManagerCommand] {
        commands.filter { refresh in
            refresh.action == .refreshIndex
                && !commands.contains { $0.manager == refresh.manager && ($0.action == .install || $0.action == .upgrade) }
        }
    }
}
