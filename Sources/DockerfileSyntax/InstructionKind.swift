/// The instructions BuildKit knows.
public enum InstructionKind: String, Sendable, CaseIterable {
    case add, arg, cmd, copy, entrypoint, env, expose, from, healthcheck, label, maintainer
    case onbuild, run, shell, stopsignal, user, volume, workdir
    case unknown

    /// Spelled out rather than `init(rawValue:)`: the synthesized one builds a dictionary of all
    /// raw values on its first call, which cost a one-file lint more than parsing the file.
    public init(keyword: String) {
        switch keyword.lowercased() {
        case "add": self = .add
        case "arg": self = .arg
        case "cmd": self = .cmd
        case "copy": self = .copy
        case "entrypoint": self = .entrypoint
        case "env": self = .env
        case "expose": self = .expose
        case "from": self = .from
        case "healthcheck": self = .healthcheck
        case "label": self = .label
        case "maintainer": self = .maintainer
        case "onbuild": self = .onbuild
        case "run": self = .run
        case "shell": self = .shell
        case "stopsignal": self = .stopsignal
        case "user": self = .user
        case "volume": self = .volume
        case "workdir": self = .workdir
        default: self = .unknown
        }
    }

    /// Instructions whose arguments BuildKit expands with `${VAR}` from ARG and ENV.
    public var expandsVariables: Bool {
        switch self {
        case .add, .copy, .env, .expose, .from, .label, .stopsignal, .user, .volume, .workdir, .arg: return true
        default: return false
        }
    }

    /// The flags BuildKit accepts for each instruction; any other flag is an error.
    public var allowedFlags: [String] {
        switch self {
        case .add: return ["chown", "chmod", "link", "checksum", "keep-git-dir", "exclude", "unpack"]
        case .copy: return ["from", "chown", "chmod", "link", "parents", "exclude"]
        case .from: return ["platform"]
        case .run: return ["mount", "network", "security", "device"]
        case .healthcheck: return ["interval", "timeout", "start-period", "start-interval", "retries"]
        default: return []
        }
    }
}
