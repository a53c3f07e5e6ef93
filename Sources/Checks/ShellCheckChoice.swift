/// Which ShellCheck, if any, checks the POSIX shell-form RUN scripts.
public enum ShellCheckChoice: Sendable, Equatable {
    /// `shellcheck` from `PATH` when there is one; nothing otherwise.
    case automatic
    case off
    case executable(String)
}
