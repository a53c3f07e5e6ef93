import HostSystem
import ArgumentParser
import Audit
import BuildContext
import Checks
import DockerfileSyntax
import Reports

struct ContextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "context",
        abstract: "Show what a build sends to the builder and what each COPY/ADD takes, and check it.",
        discussion: """
            Applies .dockerignore exactly as Docker does (a `<Dockerfile>.dockerignore` beside the Dockerfile \
            replaces the context's .dockerignore), lists the files sent with their sizes, resolves every COPY and \
            ADD against them, and runs the build-context rules (PC…).
            """)

    @ArgumentParser.Argument(help: "The build context directory.")
    var directory: String = "."

    @Option(name: .customLong("file"), help: "The Dockerfile. Default: DIR/Dockerfile (the context alone is checked when there is none).")
    var dockerfile: String?

    @OptionGroup var options: CommonOptions

    func run() throws {
        let shared = options.values()
        let settings = try shared.settings(configurationDirectory: directory)
        let defaultPath = DockerfileFinder.standardPath(in: directory)
        var source: SourceFile?
        if let dockerfile {
            source = try SourceFile.dockerfile(dockerfile)
        } else if FileReader.exists(defaultPath) {
            source = try SourceFile.dockerfile(defaultPath)
        }
        let report = try settings.audit.checkContext(directory, dockerfile: source)
        let status = shared.finish(AuditReport(context: report, directory: directory), settings: settings)
        if status != 0 { throw ExitCode(status) }
    }
}
