import ArgumentParser

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a project directory: every Dockerfile in it.",
        discussion: "Finds Dockerfile, *.Dockerfile, *.dockerfile and Dockerfile.* under DIR, skipping .git, node_modules, vendor and build output folders.")

    @Argument(help: "The project directory.")
    var directory: String = "."

    @OptionGroup var options: CommonOptions

    func run() throws {
        let files = try DockerfileFinder.find(in: directory)
        guard !files.isEmpty else {
            Output.error("plimsoll: no Dockerfile found under \(directory)\n")
            return
        }
        let status = try options.lint(files, configurationDirectory: directory)
        if status != 0 { throw ExitCode(status) }
    }
}
