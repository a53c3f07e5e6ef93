import ArgumentParser
import Checks
import Reports

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a project directory: every Dockerfile in it and its build context.",
        discussion: """
            Finds Dockerfile, *.Dockerfile, *.dockerfile and Dockerfile.* under DIR, skipping .git, node_modules, \
            vendor and build output folders, lints each one and checks the build context beside it (the \
            Dockerfile's directory).
            """)

    @Argument(help: "The project directory.")
    var directory: String = "."

    @OptionGroup var options: CommonOptions

    func run() throws {
        let files = try DockerfileFinder.find(in: directory)
        guard !files.isEmpty else {
            Output.error("plimsoll: no Dockerfile found under \(directory)\n")
            return
        }
        let settings = try options.settings(configurationDirectory: directory)
        let linter = settings.linter()
        var results: [LintReport.FileResult] = []
        var contexts: [ContextReport] = []
        for path in files {
            let source = try options.readDockerfile(path)
            let contextDirectory = path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) : "."
            let context = try options.checkContext(contextDirectory, dockerfile: source, settings: settings)
            contexts.append(context)
            results.append(LintReport.FileResult(path: path, findings: linter.lint(source) + context.findings))
        }
        let status = options.finish(LintReport(files: results, context: .perDockerfile(contexts)), settings: settings)
        if status != 0 { throw ExitCode(status) }
    }
}
