import ArgumentParser
import Checks
import DockerfileSyntax
import BuildContext
import Reports
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Options every linting command shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: String = "text"

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding is at or above this severity: \(FailThreshold.choices). Default: warning, or fail-on from the configuration.")
    var failOn: String?

    @ArgumentParser.Flag(name: .customLong("no-color"), help: "Never colour the text output (also off when NO_COLOR is set or stdout is not a terminal).")
    var noColor = false

    @Option(name: .customLong("config"), help: "Configuration file. Default: .plimsoll.yaml in the directory or the nearest parent.")
    var configPath: String?

    @Option(name: .customLong("build-arg"), help: "A build argument as docker build takes it: KEY=VALUE, or KEY to take the value from the environment. Repeatable.")
    var buildArguments: [String] = []

    @Option(help: "The stage to build, as docker build --target; later stages are not part of the image.")
    var target: String?

    @Option(help: "The ShellCheck binary that checks POSIX shell-form RUN scripts (findings SC####). Default: shellcheck from PATH, when there is one.")
    var shellcheck: String?

    @ArgumentParser.Flag(name: .customLong("no-shellcheck"), help: "Do not run ShellCheck, even when it is on PATH (also `shellcheck: false` in the configuration).")
    var noShellcheck = false

    @ArgumentParser.Flag(name: .customLong("no-cache"), help: "Neither read nor write the cache of ShellCheck results (PLIMSOLL_CACHE_DIR, else ~/.cache/plimsoll).")
    var noCache = false

    /// The same options as plain values, for the code that acts on them.
    var values: CommonValues {
        CommonValues(format: format, failOn: failOn, noColor: noColor, configPath: configPath, buildArguments: buildArguments,
                     target: target, shellcheck: shellcheck, noShellcheck: noShellcheck, noCache: noCache)
    }
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
            } else if let value = getenv(key) {
                values[key] = String(cString: value)
            }
        }
        return BuildOptions(buildArguments: values, target: target)
    }

    /// The configuration from `--config`, or the nearest `.plimsoll.yaml` from `directory` upward.
    func loadConfiguration(searchingFrom directory: String) throws(UsageError) -> Configuration {
        try Self.loadConfiguration(configPath, searchingFrom: directory)
    }

    static func loadConfiguration(_ configPath: String?, searchingFrom directory: String) throws(UsageError) -> Configuration {
        let path: String
        if let configPath {
            path = configPath
        } else if let found = InputFiles.findUpward(ConfigurationLoader.fileName, from: directory) {
            path = found
        } else {
            return Configuration()
        }
        let bytes = try InputFiles.read(path, limit: 1 << 20)
        do {
            return try ConfigurationLoader.load(yaml: String(decoding: bytes, as: UTF8.self), path: path)
        } catch {
            throw UsageError(message: error.description)
        }
    }

    func threshold(_ configuration: Configuration) throws(UsageError) -> FailThreshold {
        if let failOn {
            guard let threshold = FailThreshold(failOn) else {
                throw UsageError(message: "--fail-on '\(failOn)' is not one of \(FailThreshold.choices)")
            }
            return threshold
        }
        return configuration.failOn ?? .severity(.warning)
    }

    var useColor: Bool {
        guard !noColor, isatty(STDOUT_FILENO) == 1 else { return false }
        if let noColor = getenv("NO_COLOR"), noColor.pointee != 0 { return false }
        if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
        return true
    }

    /// Everything a run needs before it reads any input; fails early on bad options or configuration.
    struct RunSettings {
        var format: ReportFormat
        var configuration: Configuration
        var threshold: FailThreshold
        var build: BuildOptions
        /// Days since 1970-01-01 for date-dependent rules; `PLIMSOLL_TODAY=YYYY-MM-DD` fixes it for reproducible runs.
        var today: Int
        var shellcheck: ShellCheckRunner?

        func linter() -> Linter {
            Linter(configuration: configuration, options: build, today: today, shellcheck: shellcheck)
        }
    }

    func settings(configurationDirectory: String) throws(UsageError) -> RunSettings {
        let format = try reportFormat()
        let configuration = try loadConfiguration(searchingFrom: configurationDirectory)
        let today = try Self.today()
        return RunSettings(format: format, configuration: configuration, threshold: try threshold(configuration), build: try buildOptions(),
                           today: today, shellcheck: try shellcheckRunner(configuration))
    }

    /// The command line decides first, then the configuration; by default ShellCheck runs when it is on PATH.
    func shellcheckRunner(_ configuration: Configuration) throws(UsageError) -> ShellCheckRunner? {
        if noShellcheck {
            guard shellcheck == nil else { throw UsageError(message: "--shellcheck and --no-shellcheck contradict each other") }
            return nil
        }
        let executable: String
        switch shellcheck.map(ShellCheckChoice.executable) ?? configuration.shellcheck {
        case .off:
            return nil
        case .automatic:
            guard let found = ShellCheckRunner.onPath() else { return nil }
            executable = found
        case .executable(let path):
            guard access(path, X_OK) == 0 else {
                throw UsageError(message: "\(shellcheck == nil ? "shellcheck in the configuration" : "--shellcheck") \(path) is not an executable file")
            }
            executable = path
        }
        let cache = noCache ? nil : ShellCheckCache.defaultDirectory().flatMap { ShellCheckCache(directory: $0, executable: executable) }
        return ShellCheckRunner(executable: executable, cache: cache)
    }

    /// Days since 1970-01-01; `PLIMSOLL_TODAY=YYYY-MM-DD` fixes it for reproducible runs.
    static func today() throws(UsageError) -> Int {
        guard let fixed = getenv("PLIMSOLL_TODAY") else { return CivilDate.today }
        guard let day = CivilDate.days(String(cString: fixed)) else {
            throw UsageError(message: "PLIMSOLL_TODAY must be a date like 2026-11-28")
        }
        return day
    }

    /// Reads a Dockerfile given on the command line (`-` is standard input).
    func readDockerfile(_ path: String) throws(UsageError) -> SourceFile {
        SourceFile(path: path, bytes: path == "-" ? try InputFiles.readStandardInput() : try InputFiles.read(path))
    }

    /// Runs the context checks for one Dockerfile (or none) and its context directory.
    func checkContext(_ directory: String, dockerfile: SourceFile?, settings: RunSettings) throws(UsageError) -> ContextReport {
        do {
            return try ContextLinter(configuration: settings.configuration, options: settings.build).check(context: directory, dockerfile: dockerfile)
        } catch {
            throw UsageError(message: error.message)
        }
    }

    /// Prints the report and returns the exit status.
    func finish(_ report: LintReport, settings: RunSettings) -> Int32 {
        Output.standard(settings.format.render(report, color: useColor && settings.format == .text))
        return report.findings.contains { settings.threshold.isMet(by: $0.severity) } ? 1 : 0
    }
}
