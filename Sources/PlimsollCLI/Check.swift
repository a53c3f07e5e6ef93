import Advisories
import ArgumentParser
import Checks
import Reports
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

    @Option(help: "An image built from the project (same forms as `plimsoll image`): also analyse it and report its findings on the Dockerfile's lines.")
    var image: String?

    @Option(help: "With --image, the Dockerfile the image was built from. Default: DIR/Dockerfile, or the only Dockerfile found.")
    var dockerfile: String?

    @OptionGroup var imageOptions: ImageOptions

    @OptionGroup var database: DatabaseLocation

    @OptionGroup var options: CommonOptions

    func run() throws {
        let shared = options.values
        let files = try DockerfileFinder.find(in: directory)
        guard !files.isEmpty || image != nil else {
            Output.error("plimsoll: no Dockerfile found under \(directory)\n")
            return
        }
        let settings = try shared.settings(configurationDirectory: directory)
        let linter = settings.linter()
        var results: [LintReport.FileResult] = []
        var contexts: [ContextReport] = []
        let sources = try files.map { (path) throws(UsageError) in try shared.readDockerfile(path) }
        // All files at once, so their RUN scripts share ShellCheck processes.
        let findings = linter.lint(sources)
        for (index, path) in files.enumerated() {
            let contextDirectory = path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) : "."
            let context = try shared.checkContext(contextDirectory, dockerfile: sources[index], settings: settings)
            contexts.append(context)
            results.append(LintReport.FileResult(path: path, findings: findings[index] + context.findings))
        }
        var imageReport: ImageReport?
        if let image {
            let built = try builtFrom(files)
            imageReport = try imageOptions.inspect(image, dockerfile: try built.map { (path) throws(UsageError) in try shared.readDockerfile(path) },
                                                   settings: settings, advisories: try advisories())
            for finding in imageReport?.findings ?? [] {
                if let index = results.firstIndex(where: { $0.path == finding.file }) {
                    results[index].findings.append(finding)
                } else {
                    results.append(LintReport.FileResult(path: finding.file, findings: [finding]))
                }
            }
        }
        let status = shared.finish(LintReport(files: results, context: .perDockerfile(contexts), image: imageReport), settings: settings)
        if status != 0 { throw ExitCode(status) }
    }

    /// The advisory database when there is one; without it the image is checked without vulnerabilities, and the user is told how to add them.
    private func advisories() throws(UsageError) -> AdvisoryDatabase? {
        guard access(database.resolved, F_OK) == 0 else {
            Output.error("plimsoll: note: no advisory database at \(database.resolved), so known vulnerabilities were not checked; get one with `plimsoll db update`\n")
            return nil
        }
        return try database.open(readOnly: true)
    }

    /// The Dockerfile to join the image with: `--dockerfile`, else DIR/Dockerfile, else the only one found.
    private func builtFrom(_ files: [String]) throws(UsageError) -> String? {
        if let dockerfile { return dockerfile }
        let standard = directory == "." ? "Dockerfile" : directory + "/Dockerfile"
        if files.contains(standard) { return standard }
        if files.count <= 1 { return files.first }
        throw UsageError(message: "\(files.count) Dockerfiles found; name the one the image was built from with --dockerfile")
    }
}
