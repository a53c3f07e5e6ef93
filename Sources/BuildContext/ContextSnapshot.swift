/// What `docker build` would send for one context directory.
public struct ContextSnapshot: Sendable {
    /// The context directory as given.
    public var root: String
    /// The ignore file in effect (`Dockerfile.dockerignore` beside the Dockerfile wins over `.dockerignore`), if any.
    public var ignoreFile: String?
    public var matcher: PatternMatcher
    /// Sent files, symlinks and other non-directories, sorted by path.
    public var files: [ContextEntry]
    /// Sent directories (each `directory` entry), sorted by path.
    public var directories: [ContextEntry]
    public var problems: [ContextProblem]
    /// For each ignore pattern, whether it matched any entry of the context (an exception: re-included one).
    public var patternUsed: [Bool]

    public var totalBytes: Int64 { files.reduce(0) { $0 + $1.size } }

    /// The root joined with a context-relative path, as it is found on disk.
    /// Where a context path is, as reports print it: `big.bin` for a context at `.`, not `./big.bin`.
    public func diskPath(_ relative: String) -> String {
        if relative == "." { return root }
        if root == "." || root == "./" { return relative }
        return root.hasSuffix("/") ? root + relative : root + "/" + relative
    }

    /// The sent entries under `directory` ("." for the root), found by binary search on the sorted paths.
    public func files(under directory: String) -> ArraySlice<ContextEntry> {
        guard directory != "." && !directory.isEmpty else { return files[...] }
        let prefix = directory + "/"
        let start = lowerBound(prefix)
        var end = start
        while end < files.count, files[end].path.hasPrefix(prefix) { end += 1 }
        return files[start..<end]
    }

    public func file(at path: String) -> ContextEntry? {
        let index = lowerBound(path)
        return index < files.count && files[index].path == path ? files[index] : nil
    }

    private func lowerBound(_ path: String) -> Int {
        var low = 0, high = files.count
        while low < high {
            let middle = (low + high) / 2
            if files[middle].path < path { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
