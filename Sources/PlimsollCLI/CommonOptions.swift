import HostSystem
import ArgumentParser
import Checks
import DockerfileSyntax
import BuildContext
import Reports
import Audit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Options every linting command shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: String = "text"

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding is at or above this severity: \(FindingThreshold.choices). Default: warning, or fail-on from the configuration.")
    var failOn: String?

    @ArgumentParser.Flag(name: .customLong("no-color"), help: "Never colour the text output (also off when NO_COLOR is set or stdout is not a terminal).")
    var noColor = false

    @Option(name: .customLong("config"), help: "Configuration file. Default: .plimsoll.yaml in the directory or the nearest parent.")
    var configPath: String?

    @Option(name: .customLong("build-arg"), help: "A build argument as docker build takes it: KEY=VALUE, or KEY to take the value from the environment. Repeatable.")
    var buildArguments: [String] = []

    @Option(help: "The stage to build, as docker build --target; later stages are not part of the image.")
    var target: String?

    @ArgumentParser.Flag(name: .customLong("no-cache"), help: "Neither read nor write the cache (PLIMSOLL_CACHE_DIR, else ~/.cache/plimsoll): ShellCheck results, registry blobs.")
    var noCache = false

    /// The same options as plain values, for the code that acts on them; ShellCheck's only for the
    /// commands that lint RUN scripts (`lint`, `check`).
    func values(_ shellcheck: ShellCheckOptions? = nil) -> CommonValues {
        CommonValues(format: format, failOn: failOn, noColor: noColor, configPath: configPath, buildArguments: buildArguments,
                     target: target, shellcheck: shellcheck?.path, noShellcheck: shellcheck?.disabled ?? false, noCache: noCache)
    }
}

/// ShellCheck's options, for the commands that lint RUN scripts.
struct ShellCheckOptions: ParsableArguments {
    @Option(name: .customLong("shellcheck"),
            help: "The ShellCheck binary that checks POSIX shell-form RUN scripts (findings SC####). Default: shellcheck from PATH, when there is one.")
    var path: String?

    @ArgumentParser.Flag(name: .customLong("no-shellcheck"), help: "Do not run ShellCheck, even when it is on PATH (also `shellcheck: false` in the configuration).")
    var disabled = false
}

/// The options every linting command shares, as plain values, whether swift-argument-parser or
/// QuickLintArguments read them.
struct CommonValues: Sendable, Equatable {
    var format = "text"
    var failOn: String?
    var noColor = false
    var configPath: String?
    var buildArguments: [String] = []
    var target: String?
    var shellcheck: String?
    var noShellcheck = false
    var noCache = false

    func reportFormat() throws(UsageError) -> ReportFormat {
        guard let format = ReportFormat(name: format.lowercased()) else {
            throw UsageError(message: "unknown format '\(format)' (choose from \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return format
    }

    func buildOptions() throws(UsageError) -> BuildOptions {
        var values: [String: String] = [:]
        for argument in buildArguments {
            let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard let key = parts.first, !key.isEmpty else { throw UsageError(message: "--build-arg '\(argument)' has no name") }
            if parts.count == 2 {
                values[key] = parts[1]
            } else if let value = Environment.setValue(key) {
                values[key] = value
            }
        }
        return BuildOptions(buildArguments: values, target: target)
    }

    func threshold(_ configuration: Configuration) throws(UsageError) -> FindingThreshold {
        if let failOn {
            guard let threshold = FindingThreshold(failOn) else {
                throw UsageError(message: "--fail-on '\(failOn)' is not one of \(FindingThreshold.choices)")
            }
            return threshold
        }
        return configuration.failOn ?? .level(.warning)
    }

    var useColor: Bool {
        guard !noColor, isatty(STDOUT_FILENO) == 1 else { return false }
        if Environment.value("NO_COLOR") != nil { return false }
        if Environment.value("TERM") == "dumb" { return false }
        return true
    }

    /// Everything a run needs before it reads any input; fails early on bad options or configuration.
    struct RunSettings {
        var format: ReportFormat
        var threshold: FindingThreshold
        var audit: AuditSettings
    }

    func settings(configurationDirectory: String) throws -> RunSettings {
        let format = try reportFormat()
        let configuration = try ConfigurationFile.load(configPath, searchingFrom: configurationDirectory)
        let today = try AuditSettings.today()
        let audit = AuditSettings(configuration: configuration, build: try buildOptions(), today: today, shellcheck: try shellcheckRunner(configuration))
        return RunSettings(format: format, threshold: try threshold(configuration), audit: audit)
    }

    /// The command line decides first, then the configuration.
    func shellcheckRunner(_ configuration: Configuration) throws -> ShellCheckRunner? {
        if noShellcheck {
            guard shellcheck == nil else { throw UsageError(message: "--shellcheck and --no-shellcheck contradict each other") }
            return nil
        }
        let choice = shellcheck.map(ShellCheckChoice.executable) ?? configuration.shellcheck
        let origin = shellcheck == nil ? "shellcheck in the configuration" : "--shellcheck"
        return try ShellCheckSetup.runner(choice, usesCache: !noCache, origin: origin)
    }

    /// Prints the notes and the report and returns the exit status.
    func finish(_ report: AuditReport, settings: RunSettings) -> Int32 {
        Output.notes(report.notes)
        Output.standard(settings.format.render(report, color: useColor && settings.format == .text))
        return report.findings.contains { settings.threshold.isMet(by: $0.severity) } ? 1 : 0
    }
}
