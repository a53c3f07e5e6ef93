/// The instructions BuildKit knows.
public enum InstructionKind: String, Sendable, CaseIterable {
    case add, arg, cmd, copy, entrypoint, env, expose, from, healthcheck, label, maintainer
    case onbuild, run, shell, stopsignal, user, volume, workdir
    case unknown

    /// A search of `allCases` rather than `init(rawValue:)`: the synthesized one builds a table of
    /// all raw values on its first call, which cost a one-file lint more than parsing the file.
    public init(keyword: String) {
        let name = keyword.lowercased()
        self = Self.allCases.first { $0.rawValue == name } ?? .unknown
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
