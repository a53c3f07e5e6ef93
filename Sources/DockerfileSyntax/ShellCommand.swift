/// One word of a shell command: its value with quotes and escapes removed.
public struct ShellWord: Sendable, Hashable {
    public var value: String
    /// The word as written, quotes and `$(…)` included.
    public var raw: String

    public init(value: String, raw: String) {
        self.value = value
        self.raw = raw
    }
}

/// `> file`, `2>&1`, `<<EOF`, `< input`.
public struct Redirection: Sendable, Hashable {
    public var operator_: String
    public var target: String
}

/// What joins a command to the next one.
public enum ShellConnector: String, Sendable {
    case and = "&&", or = "||", semicolon = ";", pipe = "|", background = "&", newline = "\\n", end = ""
}

/// One simple command (`apt-get install -y curl`), its leading `NAME=value` assignments,
/// redirections, and what follows it.
public struct ShellCommand: Sendable, Hashable {
    public var assignments: [String]
    /// Set only by the parser, which calls `resolveProgram()` when the command is complete.
    public internal(set) var words: [ShellWord]
    public var redirections: [Redirection]
    public var connector: ShellConnector
    /// How many `( … )` subshells or `{ … }` groups enclose this command.
    public var groupDepth: Int
    /// Index in `words` of the program actually run (after keywords and wrappers).
    public private(set) var programIndex: Int = 0
    /// The program's base name (`/usr/bin/apt-get` → `apt-get`); rules ask for it constantly, so it is computed once.
    public private(set) var program: String?

    public init(assignments: [String], words: [ShellWord], redirections: [Redirection], connector: ShellConnector, groupDepth: Int) {
        self.assignments = assignments
        self.words = words
        self.redirections = redirections
        self.connector = connector
        self.groupDepth = groupDepth
        resolveProgram()
    }

    /// Prefixes that run the next word as the real command.
    static let wrappers: Set<String> = ["sudo", "env", "nice", "nohup", "time", "exec", "command", "builtin", "eatmydata", "chroot"]
    static let keywords: Set<String> = ["if", "then", "else", "elif", "fi", "do", "done", "while", "until", "!", "{", "}"]

    mutating func resolveProgram() {
        var index = 0
        while index < words.count {
            let word = words[index].value
            if Self.keywords.contains(word) {
                index += 1
            } else if Self.wrappers.contains(word) {
                index += 1
                while index < words.count, words[index].value.hasPrefix("-") || words[index].value.contains("=") && word == "env" {
                    index += 1
                }
            } else {
                break
            }
        }
        programIndex = index
        arguments = index + 1 < words.count ? words[(index + 1)...].map(\.value) : []
        operands = arguments.filter { !$0.hasPrefix("-") }
        guard index < words.count else { program = nil; subcommand = nil; return }
        let first = words[index].value
        if let slash = first.lastIndex(of: "/") {
            let base = first[first.index(after: slash)...]
            program = base.isEmpty ? first : String(base)
        } else {
            program = first
        }
        let takesValue = program.flatMap { Self.valueOptions[$0] } ?? []
        var skipValue = false
        subcommand = nil
        for argument in arguments {
            if skipValue { skipValue = false; continue }
            if takesValue.contains(argument) { skipValue = true; continue }
            if argument.hasPrefix("-") { continue }
            subcommand = argument
            break
        }
    }

    /// Whether the command is run through sudo (its first word is `sudo`; `program` looks past it).
    public var runsUnderSudo: Bool {
        words.first?.value.split(separator: "/").last == "sudo"
    }

    /// The words of the command actually run: shell keywords and wrappers such as `sudo -E` or
    /// `env A=b` skipped.
    public var effectiveWords: ArraySlice<ShellWord> { words[programIndex...] }

    /// Arguments after the program.
    public private(set) var arguments: [String] = []

    /// Arguments that are not options (`install`, `curl` in `apt-get -y install curl`).
    public private(set) var operands: [String] = []
    /// The first operand that is not the value of an option: `install` in `apt-get -o Dpkg::X=y install curl`.
    public private(set) var subcommand: String?

    /// Options written before the subcommand that take their value as the next word.
    static let valueOptions: [String: Set<String>] = [
        "apt-get": ["-o", "-c", "-t", "--option", "--config-file", "--target-release"],
        "apt": ["-o", "-c", "-t", "--option", "--config-file", "--target-release"],
        "yum": ["--disablerepo", "--enablerepo", "--setopt", "-c", "--config", "--installroot", "--releasever", "-x", "--exclude", "-d", "-e"],
        "dnf": ["--disablerepo", "--enablerepo", "--setopt", "-c", "--config", "--installroot", "--releasever", "-x", "--exclude", "--repo"],
        "microdnf": ["--disablerepo", "--enablerepo", "--setopt", "--config", "--installroot", "--releasever"],
        "zypper": ["--root", "-R", "--config", "-c", "--releasever"],
        "apk": ["-X", "--repository", "-p", "--root", "--arch", "--cache-dir"],
        "pip": ["--log", "--proxy", "--retries", "--timeout", "--cache-dir"],
        "pip3": ["--log", "--proxy", "--retries", "--timeout", "--cache-dir"],
        "npm": ["--prefix", "--registry", "--cache", "-C"],
        "git": ["-C", "-c"],
        "go": ["-C"],
    ]

    /// True when `program` is one of `names` and, if given, its first operand is one of `subcommands`.
    /// (Arrays, not sets: the lists are a few words, and rules ask this for every command.)
    public func invokes(_ names: [String], subcommand subcommands: [String]? = nil) -> Bool {
        guard let program, names.contains(program) else { return false }
        guard let subcommands else { return true }
        guard let subcommand else { return false }
        return subcommands.contains(subcommand)
    }

    /// True when an argument is `option` exactly, `option=…`, or (for a single-letter `-x`)
    /// a cluster such as `-qy` that contains it.
    public func hasOption(_ option: String) -> Bool {
        for argument in arguments {
            if argument == option || argument.hasPrefix(option + "=") { return true }
            if option.count == 2, option.hasPrefix("-"), !option.hasPrefix("--"),
               argument.hasPrefix("-"), !argument.hasPrefix("--"), argument.contains(option.last!) {
                return true
            }
        }
        return false
    }
}

/// A shell script split into simple commands.
public struct ShellScript: Sendable, Hashable {
    public var commands: [ShellCommand]

    public init(commands: [ShellCommand]) {
        self.commands = commands
    }

    /// `set -o pipefail` (or `set -eo pipefail`, `set -euxo pipefail`) appears before the first pipe.
    public var enablesPipefailBeforePipes: Bool {
        var enabled = false
        for command in commands {
            if command.program == "set", command.arguments.contains("pipefail") { enabled = true }
            if command.connector == .pipe { return enabled }
        }
        return true
    }

    public var hasPipes: Bool { commands.contains { $0.connector == .pipe } }

    /// Whether a command (after the one at index `after`, when given) removes `path` or a parent of it with `rm`.
    public func removes(_ path: String, after: Int = -1) -> Bool {
        commands.dropFirst(after + 1).contains { command in
            guard command.invokes(["rm"]) else { return false }
            return command.operands.contains { operand in
                var target = operand
                while target.hasSuffix("/*") || target.hasSuffix("/") { target.removeLast(target.hasSuffix("/*") ? 2 : 1) }
                return target == path || path.hasPrefix(target + "/")
            }
        }
    }
}
