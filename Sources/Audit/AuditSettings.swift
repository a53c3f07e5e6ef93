import BuildContext
import Checks
import DockerfileSyntax
import HostSystem

/// Everything an audit needs to know before it reads any input: the configuration, how the build
/// is invoked, the day date-dependent rules compare with, and the ShellCheck to run, if any.
public struct AuditSettings: Sendable {
    public var configuration: Configuration
    public var build: BuildOptions
    /// Days since 1970-01-01 for date-dependent rules (end of life, exception expiry).
    public var today: Int
    public var shellcheck: ShellCheckRunner?
    /// Asks registries how fresh the base images are (`--online`); nil never touches the network.
    public var baseImageReview: BaseImageReview?

    public init(configuration: Configuration = Configuration(), build: BuildOptions = BuildOptions(), today: Int = CivilDate.today,
                shellcheck: ShellCheckRunner? = nil) {
        self.configuration = configuration
        self.build = build
        self.today = today
        self.shellcheck = shellcheck
    }

    public var linter: Linter {
        Linter(configuration: configuration, options: build, today: today, shellcheck: shellcheck)
    }

    /// The linter for `sources`, with what registries say of their base images when online.
    public func linter(for sources: [SourceFile]) -> Linter {
        var linter = linter
        if let baseImageReview { linter.baseImages = baseImageReview.facts(for: sources, options: build) }
        return linter
    }

    /// Runs the context rules for one Dockerfile (or none) and its context directory.
    public func checkContext(_ directory: String, dockerfile: SourceFile?) throws(AuditError) -> ContextReport {
        do {
            return try ContextLinter(configuration: configuration, options: build).check(context: directory, dockerfile: dockerfile)
        } catch {
            throw AuditError(error.message)
        }
    }
}

extension AuditSettings {
    /// Days since 1970-01-01; `PLIMSOLL_TODAY=YYYY-MM-DD` fixes it for reproducible runs.
    public static func today() throws(AuditError) -> Int {
        guard let fixed = Environment.value("PLIMSOLL_TODAY") else { return CivilDate.today }
        guard let day = CivilDate.days(fixed) else { throw AuditError("PLIMSOLL_TODAY must be a date like 2026-11-28") }
        return day
    }
}
