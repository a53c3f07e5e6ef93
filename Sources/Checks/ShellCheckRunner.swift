import HostSystem
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BuildContext
import ContainerImage
import Dispatch
import Synchronization

/// One comment ShellCheck made about a script.
struct ShellCheckComment: Sendable {
    var script: Int
    var line: Int
    var column: Int
    var level: String
    var code: String
    var message: String
}

/// Runs a ShellCheck binary over RUN scripts, from a private temporary directory that is removed
/// afterwards. Nothing from the Dockerfile is executed. A few scripts go to one process; many are
/// split over one process per core, since ShellCheck checks files one after another. With a
/// cache, only scripts it has not seen are given to ShellCheck.
public struct ShellCheckRunner: Sendable {
    public let executable: String
    /// Seconds one ShellCheck process may take before it is killed and its output dropped;
    /// pathological scripts can keep ShellCheck busy for minutes.
    public let timeLimit: Double
    public let cache: ShellCheckCache?

    public init(executable: String, timeLimit: Double = 60, cache: ShellCheckCache? = nil) {
        self.executable = executable
        self.timeLimit = timeLimit
        self.cache = cache
    }

    /// `shellcheck` from the directories of `PATH`, as a shell would find it.
    public static func onPath(_ path: String? = Environment.setValue("PATH")) -> String? {
        var seen: [ArraySlice<UInt8>] = []
        for directory in Array((path ?? "").utf8).split(separator: UInt8(ascii: ":")) where !seen.contains(directory) {
            seen.append(directory)
            let candidate = String(decoding: directory, as: UTF8.self) + "/shellcheck"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// Scripts longer than this are not given to ShellCheck: its analysis grows faster than the
    /// script, and a megabyte RUN would keep it busy for minutes. Real RUNs are a few kilobytes.
    static let scriptSizeLimit = 64 << 10

    /// `scripts[i]` is the text of script i, shebang included. Comments come in script order.
    func check(_ scripts: [String]) -> [ShellCheckComment] {
        var keys = [String?](repeating: nil, count: scripts.count)
        var results = [[ShellCheckComment]?](repeating: nil, count: scripts.count)
        // The same script in several files (a common RUN line) is looked up and checked once.
        var firstWithText: [String: Int] = [:]
        var pending: [Int] = []
        var repeats: [(index: Int, first: Int)] = []
        for index in scripts.indices where scripts[index].utf8.count <= Self.scriptSizeLimit {
            if let first = firstWithText[scripts[index]] {
                repeats.append((index, first))
                continue
            }
            firstWithText[scripts[index]] = index
            if let cache {
                let key = cache.key(scripts[index])
                keys[index] = key
                results[index] = cache.load(key)
            }
            if results[index] == nil { pending.append(index) }
        }
        for (index, comments) in run(pending.map { ($0, scripts[$0]) }) {
            results[index] = comments
            if let cache, let key = keys[index] { cache.store(comments, key: key) }
        }
        for repeated in repeats { results[repeated.index] = results[repeated.first] }
        return results.enumerated().flatMap { index, comments in
            (comments ?? []).map { comment in
                var comment = comment
                comment.script = index
                return comment
            }
        }
    }

    /// ShellCheck's comments on each script it finished with; a script whose process failed or
    /// was stopped is absent.
    private func run(_ scripts: [(index: Int, text: String)]) -> [Int: [ShellCheckComment]] {
        guard !scripts.isEmpty else { return [:] }
        var template = Array("/tmp/plimsoll-shellcheck-XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else { return [:] }
        let directory = String(cString: created)
        var paths: [String] = []
        defer {
            for path in paths { unlink(path) }
            rmdir(directory)
        }
        for script in scripts {
            let path = "\(directory)/\(script.index).sh"
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { return [:] }
            paths.append(path)
            var text = script.text
            let complete = text.withUTF8 { FileWriter.writeAll(descriptor, UnsafeRawBufferPointer($0)) }
            close(descriptor)
            guard complete else { return [:] }
        }
        let cores = ProcessorCount.online
        // Below a few dozen scripts a second process costs more start-up than it saves.
        let perProcess = paths.count < 48 ? paths.count : min(1024, (paths.count + cores - 1) / cores)
        let chunks = stride(from: 0, to: scripts.count, by: perProcess).map { $0..<min($0 + perProcess, scripts.count) }
        let arguments = chunks.map { ["-f", "gcc", "-x"] + paths[$0] }
        let outputs = Mutex([String?](repeating: nil, count: chunks.count))
        DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
            let output = execute(arguments[index])
            outputs.withLock { $0[index] = output }
        }
        var comments: [Int: [ShellCheckComment]] = [:]
        for (chunk, output) in zip(chunks, outputs.withLock { $0 }) {
            guard let output else { continue }
            for script in scripts[chunk] { comments[script.index] = [] }
            for comment in Self.parse(output, directory: directory) { comments[comment.script]?.append(comment) }
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
            return ShellCheckComment(script: script, line: lineNumber, column: column, level: String(parts[3].trimmingCharacters(in: " ")),
                                     code: code, message: String(message))
        }
    }

    /// What ShellCheck printed; nil when it could not start or was stopped.
    private func execute(_ arguments: [String]) -> String? {
        guard let outcome = try? Subprocess.run(executable, arguments, errors: .discard, timeLimit: timeLimit) else { return nil }
        // A run cut short, or one ShellCheck could not finish (exit status 2 and above), reports
        // nothing rather than part of its files.
        guard let status = outcome.status, status <= 1 else { return nil }
        return String(decoding: outcome.output, as: UTF8.self)
    }
}

