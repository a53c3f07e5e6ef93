/// One package-manager command of a RUN: which manager, what it does, and what it leaves behind.
public struct PackageManagerCommand: Sendable {
    public var manager: PackageManager
    /// `apt-get`, `microdnf`, `pip3`; `pip` for `python -m pip` and `uv pip`.
    public var program: String
    public var action: PackageAction
    /// The manager's arguments from its subcommand on: `install -y curl` for `sudo apt-get install -y curl`.
    public var arguments: [String]
    /// `install` in `apt-get -o X=y install curl`; nil for a bare `yarn`.
    public var subcommand: String?
    /// Non-option arguments after the subcommand: the packages of an install or a removal.
    public var operands: [String]
    /// Index of the command in its script.
    public var position: Int
    public var command: ShellCommand

    /// Nil when the command runs no package manager.
    public init?(_ command: ShellCommand, position: Int) {
        guard var program = command.program else { return nil }
        var arguments = command.arguments
        // `python3 -m pip install …` and `uv pip install …` are pip.
        if program.hasPrefix("python"), arguments.starts(with: ["-m", "pip"]) {
            program = "pip"
            arguments.removeFirst(2)
        } else if program == "uv", arguments.first == "pip" {
            program = "pip"
            arguments.removeFirst()
        }
        guard let manager = PackageManager(program: program) else { return nil }
        let nonOptions = arguments.filter { !$0.hasPrefix("-") }
        // The subcommand is the shell command's own reading when the program is the manager (it skips option values).
        let subcommand = command.program == program ? command.subcommand : nonOptions.first
        var operands = nonOptions
        if let subcommand, let index = operands.firstIndex(of: subcommand) { operands.removeSubrange(...index) }
        self.manager = manager
        self.program = program
        self.command = command
        self.position = position
        self.arguments = arguments
        self.operands = operands
        self.subcommand = subcommand
        // `yarn --version` has options and no subcommand: it installs nothing (a bare `yarn` does).
        action = subcommand == nil && !arguments.isEmpty ? .other : manager.action((subcommand.map { [$0] } ?? []) + operands)
    }

    /// The directories the command writes that stay in the layer unless the RUN removes them:
    /// apt's lists after `update`; apk's cache after `apk add` without `--no-cache`; the caches of
    /// dnf, yum, microdnf and zypper after installs and upgrades; pip's after `pip install` without
    /// `--no-cache-dir`; yarn's after `yarn install`.
    public var writes: [String] {
        switch (manager, action) {
        case (.apt, .refreshIndex):
            return manager.indexDirectory.map { [$0] } ?? []
        case (.apk, .install) where !command.hasOption("--no-cache"),
             (.pip, .install) where !command.hasOption("--no-cache-dir") && !command.assignments.contains(where: { $0.hasPrefix("PIP_NO_CACHE_DIR=") }),
             (.dnf, .install), (.dnf, .upgrade), (.zypper, .install), (.zypper, .upgrade), (.yarn, .install):
            return manager.cacheDirectory(program: program).map { [$0] } ?? []
        default:
            return []
        }
    }

    /// Whether this command empties `directory` as its manager's own clean-up: `apt-get dist-clean`
    /// for apt's lists (`clean` keeps them), `dnf clean all`, `zypper clean`, `yarn cache clean`…
    public func cleans(_ directory: String) -> Bool {
        guard action == .clean else { return false }
        if manager == .apt { return directory == manager.indexDirectory && subcommand == "dist-clean" }
        return manager.cacheDirectory(program: program) == directory
    }

    /// Whether the command reads or writes the manager's index and caches: what a clean-up must come after.
    var usesStore: Bool {
        action == .refreshIndex || action == .install || action == .upgrade
    }
}
