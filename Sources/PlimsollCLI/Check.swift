import Advisories
import ArgumentParser
import Audit
import Checks
import Reports

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a project directory: every Dockerfile in it and its build context.",
        discussion: """
            Finds Dockerfile, *.Dockerfile, *.dockerfile and Dockerfile.* under DIR, skipping \(DockerfileFinder.skippedFoldersText) \
            folders, lints each one and checks the build context beside it (the Dockerfile's directory).
            """)

    @Argument(help: "The project directory.")
    var directory: String = "."

    @Option(help: "An image built from the project (same forms as `plimsoll image`): also analyse it and report its findings on the Dockerfile's lines.")
    var image: String?

    @Option(help: "With --image, the Dockerfile the image was built from. Default: DIR/Dockerfile, or the only Dockerfile found.")
    var dockerfile: String?

    @ArgumentParser.Flag(help: "Ask each base image's registry how fresh it is (PD060–PD062, and PD048's pin fix; with --image, the image's base too).")
    var online = false

    @OptionGroup var imageOptions: ImageOptions

    @OptionGroup var database: DatabaseLocation

    @OptionGroup var options: CommonOptions

    @OptionGroup var shellcheck: ShellCheckOptions

    func run() throws {
        var settings = try options.values(shellcheck).settings(configurationDirectory: directory)
        if online { settings.audit.baseImageReview = BaseImageReview(registry: try imageOptions.reading.access.values.options()) }
        var advisories: AdvisoryDatabase?
        var notes: [AuditNote] = []
        if image != nil {
            let (database, note) = try database.location.openIfPresent()
            advisories = database
            notes += note.map { [$0] } ?? []
        }
        let audit = ProjectAudit(settings: settings.audit, reading: try imageOptions.reading.values(noCache: options.noCache), limits: try imageOptions.limits)
        var report = try audit.run(directory, image: image, dockerfile: dockerfile, advisories: advisories)
        report.notes = notes + report.notes
        let status = options.values(shellcheck).finish(report, settings: settings)
        if status != 0 { throw ExitCode(status) }
    }
}
