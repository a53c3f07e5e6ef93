import ArgumentParser
import Audit
import Checks
import DockerfileSyntax
import Reports

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Lint Dockerfiles.",
        discussion: "FILE defaults to ./Dockerfile; `-` reads one Dockerfile from standard input.")

    @ArgumentParser.Argument(help: "Dockerfiles to lint.")
    var files: [String] = []

    @Option(help: "The build context directory: also run the build-context rules (PC…) for each Dockerfile against it.")
    var context: String?

    @ArgumentParser.Flag(help: "Apply the safe fixes to the files (not to standard input), then report what remains.")
    var fix = false

    @ArgumentParser.Flag(help: "With --fix or --diff, also apply fixes marked unsafe (they can change behaviour or caching).")
    var unsafeFixes = false

    @ArgumentParser.Flag(help: "Print the fixes as a unified diff instead of a report; change nothing. Exits 1 when there are fixes to apply.")
    var diff = false

    @ArgumentParser.Flag(help: "Ask each base image's registry how fresh it is (PD060–PD062, and PD048's pin fix). Off: no network at all.")
    var online = false

    @OptionGroup var registry: RegistryAccessOptions

    @OptionGroup var options: CommonOptions

    @OptionGroup var shellcheck: ShellCheckOptions

    func run() throws {
        try lintRun.run()
    }

    var lintRun: LintRun {
        LintRun(files: files, context: context, fix: fix, unsafeFixes: unsafeFixes, diff: diff, options: options.values(shellcheck),
                online: online ? registry.values : nil)
    }
}

/// One `plimsoll lint` run, however its arguments were read.
struct LintRun: Equatable {
    var files: [String]
    var context: String?
    var fix: Bool
    var unsafeFixes: Bool
    var diff: Bool
    var options: CommonValues
    /// How to reach registries with `--online`; nil offline.
    var online: RegistryAccess?

    func run() throws {
        var settings = try options.settings(configurationDirectory: ".")
        if let online { settings.audit.baseImageReview = BaseImageReview(registry: try online.options()) }
        let paths = files.isEmpty ? ["Dockerfile"] : files
        let sources = try paths.map(SourceFile.dockerfile)
        let mode: FixMode = diff ? .preview(includesUnsafe: unsafeFixes) : fix ? .write(includesUnsafe: unsafeFixes) : .report
        let result = try LintAudit(settings: settings.audit).run(sources, context: context, fixing: mode)
        if diff {
            Output.standard(result.fixes.map { UnifiedDiff.render(path: $0.path, before: $0.before, after: $0.after) }.joined())
            // As `ruff --diff`: pending fixes fail, so the diff can gate CI.
            if result.fixes.contains(where: { $0.before != $0.after }) { throw ExitCode(1) }
            return
        }
        let status = options.finish(result.report, settings: settings)
        if status != 0 { throw ExitCode(status) }
    }
}
