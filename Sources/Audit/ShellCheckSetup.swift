import Checks
import HostSystem
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which ShellCheck an audit runs, if any, and where its answers are cached.
public enum ShellCheckSetup {
    /// `.automatic` runs ShellCheck when it is on PATH; `origin` names where the choice was made, for the error.
    public static func runner(_ choice: ShellCheckChoice, usesCache: Bool, origin: String) throws(AuditError) -> ShellCheckRunner? {
        let executable: String
        switch choice {
        case .off:
            return nil
        case .automatic:
            guard let found = ShellCheckRunner.onPath() else { return nil }
            executable = found
        case .executable(let path):
            guard access(path, X_OK) == 0 else { throw AuditError("\(origin) \(path) is not an executable file") }
            executable = path
        }
        let cache = usesCache ? CacheDirectory.resolved.flatMap { ShellCheckCache(directory: $0, executable: executable) } : nil
        return ShellCheckRunner(executable: executable, cache: cache)
    }
}
