import ArgumentParser
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

    @ArgumentParser.Flag(help: "Print the fixes as a unified diff instead of a report; change nothing.")
    var diff = false

    @OptionGroup var options: CommonOptions

    func run() throws {
        try lintRun.run()
    }

    var lintRun: LintRun {
        LintRun(files: files, context: context, fix: fix, unsafeFixes: unsafeFixes, diff: diff, options: options.values)
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

    func run() throws {
        let settings = try options.settings(configurationDirectory: ".")
        let linter = settings.linter()
        var results: [LintReport.FileResult] = []
        var diffs = ""
        let paths = files.isEmpty ? ["Dockerfile"] : files
        let sources = try paths.map { path throws(UsageError) in try options.readDockerfile(path) }
        // Fixing re-lints each file as it changes; reporting lints them all at once, so ShellCheck starts once per core.
        let batch = fix || diff ? [] : linter.lint(sources)
        for (index, path) in paths.enumerated() {
            var source = sources[index]
            var findings = fix || diff ? linter.lint(source) : batch[index]
            if fix || diff {
                let fixed = applyFixes(to: source, findings: findings, linter: linter)
                if diff {
                    diffs += UnifiedDiff.render(path: path, before: source.bytes, after: fixed)
                    continue
                }
                if fixed != source.bytes, path != "-" {
                    try FixWriter.write(fixed, to: path)
                    source = SourceFile(path: path, bytes: fixed)
                    findings = linter.lint(source)
                }
            }
            if let context {
                let report = try options.checkContext(context, dockerfile: source, settings: settings)
                findings += report.findings
            }
            results.append(LintReport.FileResult(path: path, findings: findings))
        }
        if diff {
            Output.standard(diffs)
            return
        }
        let status = options.finish(LintReport(files: results), settings: settings)
        if status != 0 { throw ExitCode(status) }
    }

    /// Applies the chosen fixes, then lints again and applies what overlapping edits held back, as
    /// ruff does; a few passes settle every fix plimsoll offers.
    private func applyFixes(to source: SourceFile, findings: [Finding], linter: Linter) -> [UInt8] {
        var current = source
        var pending = findings
        for _ in 0..<3 {
            let edits = pending.compactMap(\.fix).filter { $0.safety == .safe || unsafeFixes }.flatMap(\.edits)
            guard !edits.isEmpty else { break }
            let fixed = FixApplier.apply(edits, to: current)
            guard fixed != current.bytes else { break }
            current = SourceFile(path: source.path, bytes: fixed)
            pending = linter.lint(current)
        }
        return current.bytes
    }
}
