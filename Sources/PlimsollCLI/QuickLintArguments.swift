/// `plimsoll lint` as editors and pre-commit hooks call it, once per file, read without
/// swift-argument-parser: its reflection-driven setup (Mirror over every property wrapper, and the
/// runtime's conformance lookups that follow) is about 40% of a one-file run. Only files and the
/// value-less or single-valued options below are taken; anything else (help, `--build-arg`,
/// `=` forms, unknown or repeated options, `--`) returns nil and goes through ArgumentParser, so
/// every message and edge case stays ArgumentParser's. A test checks that both read every form
/// taken here to the same run.
enum QuickLintArguments {
    static func parse(_ arguments: [String]) -> LintRun? {
        guard arguments.first == "lint" else { return nil }
        var files: [String] = []
        var values: [String: String] = [:]
        // Arrays, not a Set: a Set's first use costs more runtime set-up than these few lookups.
        var flags: [String] = []
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("-"), argument != "-" else {
                files.append(argument)
                continue
            }
            if ["--fix", "--unsafe-fixes", "--diff", "--no-color", "--no-shellcheck", "--no-cache"].contains(argument) {
                guard !flags.contains(argument) else { return nil }
                flags.append(argument)
                continue
            }
            let name = argument == "-f" ? "--format" : argument
            guard ["--format", "--fail-on", "--config", "--target", "--context", "--shellcheck"].contains(name), index < arguments.count,
                  !arguments[index].hasPrefix("-"), values[name] == nil else { return nil }
            values[name] = arguments[index]
            index += 1
        }
        let options = CommonValues(format: values["--format"] ?? "text", failOn: values["--fail-on"], noColor: flags.contains("--no-color"),
                                   configPath: values["--config"], target: values["--target"], shellcheck: values["--shellcheck"],
                                   noShellcheck: flags.contains("--no-shellcheck"), noCache: flags.contains("--no-cache"))
        return LintRun(files: files, context: values["--context"], fix: flags.contains("--fix"), unsafeFixes: flags.contains("--unsafe-fixes"),
                       diff: flags.contains("--diff"), options: options)
    }
}
