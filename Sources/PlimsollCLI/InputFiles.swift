#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BuildContext

/// Reading inputs and writing output with plain POSIX calls: clear errors, bounded memory, a fast start.
enum InputFiles {
    /// No Dockerfile or configuration is anywhere near this; a larger input is refused, not loaded.
    static let defaultLimit = 128 << 20

    static func read(_ path: String, limit: Int = defaultLimit) throws(UsageError) -> [UInt8] {
        do {
            return try FileReader.read(path, limit: limit)
        } catch {
            throw UsageError(message: error.reason.hasPrefix("larger than") ? "\(path) is \(error.reason); that is not a Dockerfile" : error.description)
        }
    }

    static func readStandardInput() throws(UsageError) -> [UInt8] {
        do {
            return try FileReader.readAll(STDIN_FILENO, name: "standard input", limit: defaultLimit)
        } catch {
            throw UsageError(message: error.reason.hasPrefix("larger than") ? "standard input is \(error.reason); that is not a Dockerfile" : error.description)
        }
    }

    /// `name` in `directory` or the nearest parent that has it.
    static func findUpward(_ name: String, from directory: String) -> String? {
        var current = directory
        for _ in 0..<64 {
            let candidate = current.hasSuffix("/") ? current + name : current + "/" + name
            if access(candidate, F_OK) == 0 { return candidate }
            let parent = current == "." ? ".." : current + "/.."
            var resolved = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            guard realpath(parent, &resolved) != nil else { return nil }
            var here = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            guard realpath(current, &here) != nil, String(cString: here) != String(cString: resolved) else { return nil }
            current = parent
        }
        return nil
    }
}
