/// What a stage starts from.
public enum StageBase: Sendable, Hashable {
    case scratch
    /// An earlier stage of the same Dockerfile, by index.
    case stage(Int)
    case image(ImageReference)
    /// The name after expansion is not a valid reference (often an ARG without a value).
    case unresolved(String)
}

/// One instruction inside a stage, with the values BuildKit would use after expansion.
public struct Step: Sendable {
    public var instruction: Instruction
    /// `instruction.arguments` after ARG/ENV expansion, for the instructions BuildKit expands;
    /// the values as written otherwise.
    public var expanded: [String]
    /// Flags after expansion (`--from=${BUILDER}` → `--from=builder`).
    public var expandedFlags: [Flag]
    /// The SHELL in effect (`["/bin/sh", "-c"]` by default).
    public var shell: [String]
    /// For RUN in a POSIX shell: the commands it runs, heredoc scripts included.
    public var script: ShellScript?

    /// False for `powershell`/`pwsh`/`cmd`: POSIX-shell rules skip such steps.
    public var usesPOSIXShell: Bool { ShellKind(shell).isPOSIX }

    public func expandedFlag(named name: String) -> Flag? { expandedFlags.first { $0.name == name } }

    /// ENV and LABEL pairs with their values expanded.
    public var expandedPairs: [(key: String, value: String)] {
        stride(from: 0, to: expanded.count - 1, by: 2).map { (expanded[$0], expanded[$0 + 1]) }
    }

    /// Variables this step gives a value: ENV pairs, and ARG defaults (`ARG NAME=value`), expanded.
    public var assignedVariables: [(name: String, value: String)] {
        switch instruction.kind {
        case .env: return expandedPairs.map { ($0.key, $0.value) }
        case .arg:
            return expanded.compactMap { word in
                let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                return parts.count == 2 ? (parts[0], parts[1]) : nil
            }
        default: return []
        }
    }

    /// Variables this step declares, with or without a value: ENV keys and ARG names.
    public var declaredVariableNames: [String] {
        switch instruction.kind {
        case .env: return expandedPairs.map(\.key)
        case .arg: return expanded.map { String($0.prefix { $0 != "=" }) }
        default: return []
        }
    }
}

/// A build stage: `FROM base [AS name]` and the steps after it.
public struct Stage: Sendable {
    public var index: Int
    /// Lower-cased, as BuildKit compares stage names.
    public var name: String?
    public var from: Instruction
    /// The base name after expansion of global ARGs.
    public var baseName: String
    public var base: StageBase
    /// `--platform` after expansion.
    public var platform: String?
    public var steps: [Step]
    /// Stages and images this stage copies or mounts from (`COPY --from`, `RUN --mount=from=`).
    public var copiesFrom: [StageBase]
    public var isFinal: Bool
    /// The final stage and every stage whose files can reach it.
    public var reachesFinalImage: Bool
    /// The final stage and the stages it is built on (`FROM earlier-stage`): their layers are the image's layers.
    public var shipsLayers: Bool
    /// The last USER in effect at the end of the stage (inherited through stage bases), expanded.
    public var user: String?
    /// Variables in the FROM line that had no value.
    public var unsetBaseVariables: [String]
}

/// Which shell family runs RUN in shell form.
public enum ShellKind: Sendable, Equatable {
    case posix, powershell, cmd

    public init(_ shell: [String]) {
        let program = (shell.first ?? "/bin/sh").split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map { $0.lowercased() } ?? ""
        switch program {
        case "powershell", "powershell.exe", "pwsh", "pwsh.exe": self = .powershell
        case "cmd", "cmd.exe": self = .cmd
        default: self = .posix
        }
    }

    public var isPOSIX: Bool { self == .posix }
}
