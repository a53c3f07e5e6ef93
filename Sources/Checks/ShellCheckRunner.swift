#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BuildContext

/// One comment ShellCheck made about a script.
struct ShellCheckComment: Sendable {
    var script: Int
    var line: Int
    var column: Int
    var level: String
    var code: String
    var message: String
}

/// Runs a ShellCheck binary over RUN scripts: all of them in one process, from a private
/// temporary directory that is removed afterwards. Nothing from the Dockerfile is executed.
public struct ShellCheckRunner: Sendable {
    public let executable: String

    public init(executable: String) {
        self.executable = executable
    }

    /// `scripts[i]` is the text of script i, shebang included.
    func check(_ scripts: [String]) -> [ShellCheckComment] {
        guard !scripts.isEmpty else { return [] }
        var template = Array("/tmp/plimsoll-shellcheck-XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else { return [] }
        let directory = String(cString: created)
        var paths: [String] = []
        defer {
            for path in paths { unlink(path) }
            rmdir(directory)
        }
        for (index, script) in scripts.enumerated() {
            let path = "\(directory)/\(index).sh"
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { return [] }
            paths.append(path)
            var text = script
            let complete = text.withUTF8 { FileWriter.writeAll(descriptor, UnsafeRawBufferPointer($0)) }
            close(descriptor)
            guard complete else { return [] }
        }
        var comments: [ShellCheckComment] = []
        for start in stride(from: 0, to: paths.count, by: 256) {
            let chunk = Array(paths[start..<min(start + 256, paths.count)])
            comments += Self.parse(run(["-f", "gcc", "-x"] + chunk), directory: directory)
        }
        return comments
    }

    /// `DIR/3.sh:2:7: warning: message [SC2086]` lines.
    static func parse(_ output: String, directory: String) -> [ShellCheckComment] {
        output.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: ":", maxSplits: 4, omittingEmptySubsequences: false)
            guard parts.count == 5, parts[0].hasPrefix(directory + "/"), let lineNumber = Int(parts[1]), let column = Int(parts[2]),
                  let script = Int(parts[0].dropFirst(directory.count + 1).dropLast(3)) else { return nil }
            var message = parts[4].drop { $0 == " " }
            var code = ""
            if message.hasSuffix("]"), let open = message.lastIndex(of: "[") {
                code = String(message[message.index(after: open)..<message.index(before: message.endIndex)])
                message = message[..<open].dropLast(message[..<open].hasSuffix(" ") ? 1 : 0)
            }
            return ShellCheckComment(script: script, line: lineNumber, column: column, level: parts[3].trimmingCharacters(in: " "),
                                     code: code, message: String(message))
        }
    }

    private func run(_ arguments: [String]) -> String {
        var output: [Int32] = [0, 0]
        guard pipe(&output) == 0 else { return "" }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, output[1], STDOUT_FILENO)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, output[0])
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var process = pid_t()
        let spawned = posix_spawn(&process, executable, &actions, nil, argv, environ)
        close(output[1])
        guard spawned == 0 else { close(output[0]); return "" }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(output[0], $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            bytes += chunk[0..<count]
        }
        close(output[0])
        var status: Int32 = 0
        while waitpid(process, &status, 0) < 0 && errno == EINTR {}
        return String(decoding: bytes, as: UTF8.self)
    }
}

private extension Substring {
    func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
