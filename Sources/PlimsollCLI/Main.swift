import ArgumentParser
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
            var command = try Plimsoll.parseAsRoot()
            try command.run()
        } catch let failure as UsageError {
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
