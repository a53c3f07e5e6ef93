import ArgumentParser

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Lint Dockerfiles.",
        discussion: "FILE defaults to ./Dockerfile; `-` reads one Dockerfile from standard input.")

    @Argument(help: "Dockerfiles to lint.")
    var files: [String] = []

    @OptionGroup var options: CommonOptions

    func run() throws {
        let status = try options.lint(files.isEmpty ? ["Dockerfile"] : files, configurationDirectory: ".")
        if status != 0 { throw ExitCode(status) }
    }
}
