#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs another program with `posix_spawn`: standard input from /dev/null (or a few bytes given), standard output
/// captured, standard error captured, discarded or passed through, and an optional time limit
/// after which the program is killed.
public enum Subprocess {
    public enum ErrorOutput: Sendable {
        case capture, discard, inherit
    }

    public struct Outcome: Sendable {
        /// The exit status; nil when the program was killed by a signal or by the time limit.
        public var status: Int32?
        public var output: [UInt8]
        /// Empty unless standard error was captured.
        public var errors: [UInt8]
        public var timedOut: Bool
    }

    /// Why a program could not be started.
    public struct LaunchError: Error, Sendable, CustomStringConvertible {
        public var program: String
        public var code: Int32
        public var description: String { "cannot run \(program): \(String(cString: strerror(code)).lowercased())" }
    }

    /// `program` is a path, or a name looked up in PATH. `input`, when given, is what the program
    /// reads on standard input; it must fit a pipe's buffer (a credential helper's server name does).
    public static func run(_ program: String, _ arguments: [String], input: [UInt8] = [], errors mode: ErrorOutput = .discard,
                           timeLimit: Double? = nil) throws(LaunchError) -> Outcome {
        var output: [Int32] = [0, 0]
        var errorPipe: [Int32] = [-1, -1]
        var inputPipe: [Int32] = [-1, -1]
        guard input.count <= 4096 else { throw LaunchError(program: program, code: E2BIG) }
        if !input.isEmpty, pipe(&inputPipe) != 0 { throw LaunchError(program: program, code: errno) }
        defer { for descriptor in inputPipe where descriptor >= 0 { close(descriptor) } }
        guard pipe(&output) == 0 else { throw LaunchError(program: program, code: errno) }
        if mode == .capture, pipe(&errorPipe) != 0 {
            let code = errno
            close(output[0]); close(output[1])
            throw LaunchError(program: program, code: code)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if input.isEmpty {
            posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        } else {
            posix_spawn_file_actions_adddup2(&actions, inputPipe[0], STDIN_FILENO)
            posix_spawn_file_actions_addclose(&actions, inputPipe[1])
        }
        posix_spawn_file_actions_adddup2(&actions, output[1], STDOUT_FILENO)
        posix_spawn_file_actions_addclose(&actions, output[0])
        switch mode {
        case .capture:
            posix_spawn_file_actions_adddup2(&actions, errorPipe[1], STDERR_FILENO)
            posix_spawn_file_actions_addclose(&actions, errorPipe[0])
        case .discard:
            posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
        case .inherit:
            break
        }
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var process = pid_t()
        // With a time limit the program gets a process group of its own, so that on time-out
        // everything it started (a shell script's `sleep`) is killed with it.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        if timeLimit != nil {
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        let spawned = program.contains("/") ? posix_spawn(&process, program, &actions, &attributes, argv, environ)
                                            : posix_spawnp(&process, program, &actions, &attributes, argv, environ)
        close(output[1])
        if errorPipe[1] >= 0 { close(errorPipe[1]) }
        guard spawned == 0 else {
            close(output[0])
            if errorPipe[0] >= 0 { close(errorPipe[0]) }
            throw LaunchError(program: program, code: spawned)
        }
        if !input.isEmpty {
            // A program that exits without reading its input must not kill us with SIGPIPE.
            signal(SIGPIPE, SIG_IGN)
            close(inputPipe[0])
            inputPipe[0] = -1
            _ = input.withUnsafeBytes { write(inputPipe[1], $0.baseAddress, $0.count) }
            close(inputPipe[1])
            inputPipe[1] = -1
        }
        let (captured, timedOut) = drain([output[0], errorPipe[0]], until: timeLimit.map { MonotonicClock.seconds + $0 })
        if timedOut { kill(-process, SIGKILL) }
        var status: Int32 = 0
        while waitpid(process, &status, 0) < 0 && errno == EINTR {}
        let exited = status & 0x7F == 0
        return Outcome(status: exited && !timedOut ? (status >> 8) & 0xFF : nil, output: captured[0], errors: captured[1], timedOut: timedOut)
    }

    /// Reads every open descriptor (−1 is skipped) to its end, or until the deadline; closes them.
    private static func drain(_ descriptors: [Int32], until deadline: Double?) -> ([[UInt8]], Bool) {
        var captured: [[UInt8]] = descriptors.map { _ in [] }
        var open = descriptors.map { $0 >= 0 }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var timedOut = false
        while open.contains(true) {
            var polled = descriptors.indices.filter { open[$0] }.map { pollfd(fd: descriptors[$0], events: Int16(POLLIN), revents: 0) }
            var wait: Int32 = -1
            if let deadline {
                let remaining = deadline - MonotonicClock.seconds
                guard remaining > 0 else { timedOut = true; break }
                wait = Int32(remaining * 1000)
            }
            let ready = poll(&polled, nfds_t(polled.count), wait)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { timedOut = ready == 0; break }
            for entry in polled where entry.revents != 0 {
                guard let index = descriptors.firstIndex(of: entry.fd) else { continue }
                let count = chunk.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                if count > 0 {
                    captured[index] += chunk[0..<count]
                } else {
                    open[index] = false
                }
            }
        }
        for descriptor in descriptors where descriptor >= 0 { close(descriptor) }
        return (captured, timedOut)
    }
}
