import ArgumentParser
import Audit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the command with plimsoll's exit statuses: 0 clean, 1 findings at or above `--fail-on`,
/// 2 when the run could not be done, always with one line on stderr.
@main
enum Main {
    static func main() {
        do {
            let arguments = Array(CommandLine.arguments.dropFirst())
            if let lint = QuickLintArguments.parse(arguments) {
                try lint.run()
            } else {
                var command = try parse(arguments)
                try command.run()
            }
        } catch let failure as UsageError {
            exitWithError(failure.message)
        } catch let failure as AuditError {
            exitWithError(failure.message)
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch {
            if Plimsoll.exitCode(for: error) == .success {
                print(Plimsoll.fullMessage(for: error))
                exit(0)
            }
            let message = Plimsoll.message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid arguments"
            exitWithError(message + " (see `plimsoll --help`)")
        }
    }

    /// Parsing the named subcommand directly skips building the whole command tree, a quarter of a
    /// one-file lint run. Whatever it rejects (help requests, mistakes) is parsed again from the root,
    /// so messages and help read exactly as ArgumentParser writes them for `plimsoll`.
    static func parse(_ arguments: [String]) throws -> ParsableCommand {
        if let name = arguments.first,
           let subcommand = Plimsoll.configuration.subcommands.first(where: { $0.configuration.commandName == name }),
           let command = try? subcommand.parse(Array(arguments.dropFirst())) {
            return command
        }
        return try Plimsoll.parseAsRoot(arguments)
    }

    static func exitWithError(_ message: String) -> Never {
        let text = message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message
        Output.error("plimsoll: error: \(text)\n")
        exit(2)
    }
}

/// A run that cannot be done: bad input, unreadable file, malformed configuration.
struct UsageError: Error {
    var message: String
}
