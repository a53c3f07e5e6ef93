import ArgumentParser
import Checks
import Reports

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Lint Dockerfiles.",
        discussion: "FILE defaults to ./Dockerfile; `-` reads one Dockerfile from standard input.")

    @Argument(help: "Dockerfiles to lint.")
    var files: [String] = []

    @Option(help: "The build context directory: also run the build-context rules (PC…) for each Dockerfile against it.")
    var context: String?

    @OptionGroup var options: CommonOptions

    func run() throws {
        let settings = try options.settings(configurationDirectory: ".")
        let linter = Linter(configuration: settings.configuration, options: settings.build, today: settings.today)
        var results: [LintReport.FileResult] = []
        for path in files.isEmpty ? ["Dockerfile"] : files {
            let source = try options.readDockerfile(path)
            var findings = linter.lint(source)
            if let context {
                let report = try options.checkContext(context, dockerfile: source, settings: settings)
                findings += report.findings
            }
            results.append(LintReport.FileResult(path: path, findings: findings))
        }
        let status = options.finish(LintReport(files: results), settings: settings)
        if status != 0 { throw ExitCode(status) }
    }
}
