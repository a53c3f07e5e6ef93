#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading inputs and writing output with plain POSIX calls: clear errors, bounded memory, a fast start.
enum InputFiles {
    /// No Dockerfile or configuration is anywhere near this; a larger input is refused, not loaded.
    static let defaultLimit = 128 << 20

    static func read(_ path: String, limit: Int = defaultLimit) throws(UsageError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw UsageError(message: "cannot read \(path): \(systemError())") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw UsageError(message: "cannot read \(path): \(systemError())") }
        if (status.st_mode & S_IFMT) == S_IFDIR { throw UsageError(message: "cannot read \(path): it is a directory") }
        return try readAll(descriptor, name: path, limit: limit)
    }

    static func readStandardInput() throws(UsageError) -> [UInt8] {
        try readAll(STDIN_FILENO, name: "standard input", limit: defaultLimit)
    }

    private static func readAll(_ descriptor: Int32, name: String, limit: Int) throws(UsageError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw UsageError(message: "cannot read \(name): \(systemError())")
            }
            if count == 0 { return bytes }
            guard bytes.count + count <= limit else {
                throw UsageError(message: "\(name) is larger than \(limit >> 20) MiB; that is not a Dockerfile")
            }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
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

    static func systemError() -> String {
        String(cString: strerror(errno)).lowercased()
    }
}
