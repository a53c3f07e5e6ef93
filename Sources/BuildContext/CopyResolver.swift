import DockerfileSyntax

/// What one COPY or ADD takes from the build context.
public struct CopyResolution: Sendable {
    public var step: Step
    public var stageIndex: Int
    /// Source arguments after expansion, as written.
    public var sources: [String]
    /// Context files it copies (directories expanded), each once, sorted by path.
    public var files: [ContextEntry]
    /// Sources that matched nothing that is sent, and whether `.dockerignore` is why.
    public var unmatched: [(source: String, ignored: Bool)]

    public var totalBytes: Int64 { files.reduce(0) { $0 + $1.size } }
    /// Whether a source is the whole context (`.`).
    public var copiesWholeContext: Bool { sources.contains { CopyResolver.normalize($0) == "." } }
}

/// Resolves COPY/ADD sources against a context snapshot with Docker's rules: paths are relative
/// to the context root, `*`, `?` and `[…]` glob within one path component, directories copy
/// recursively, `--exclude` filters, URLs and `--from` copies take nothing from the context.
public enum CopyResolver {
    public static func resolve(_ graph: BuildGraph, in snapshot: ContextSnapshot) -> [CopyResolution] {
        var resolutions: [CopyResolution] = []
        for stage in graph.stages {
            for step in stage.steps where step.instruction.kind == .copy || step.instruction.kind == .add {
                guard step.expandedFlag(named: "from") == nil, step.expanded.count >= 2 else { continue }
                let hasHeredocs = !step.instruction.heredocs.isEmpty
                let sources = step.expanded.dropLast().filter { source in
                    !(hasHeredocs && source.drop(while: \.isNumber).hasPrefix("<<")) && !isRemote(source)
                }
                let excludes = step.expandedFlags.filter { $0.name == "exclude" }.compactMap(\.value)
                resolutions.append(resolve(step: step, stage: stage.index, sources: Array(sources), excludes: excludes, in: snapshot))
            }
        }
        return resolutions
    }

    static func isRemote(_ source: String) -> Bool {
        source.hasPrefix("http://") || source.hasPrefix("https://") || source.hasPrefix("git@") || source.hasPrefix("git://")
    }

    /// Context-relative, cleaned, `.` for the root.
    public static func normalize(_ source: String) -> String {
        var cleaned = PathCleaner.clean(source)
        while cleaned.hasPrefix("/") { cleaned.removeFirst() }
        while cleaned.hasPrefix("../") { cleaned.removeFirst(3) }
        return cleaned.isEmpty || cleaned == ".." ? "." : cleaned
    }

    private static func resolve(step: Step, stage: Int, sources: [String], excludes: [String], in snapshot: ContextSnapshot) -> CopyResolution {
        var selected: [String: ContextEntry] = [:]
        var unmatched: [(String, Bool)] = []
        let excludeMatcher = excludes.isEmpty ? nil : try? PatternMatcher(excludes)
        for source in sources {
            let path = normalize(source)
            var found: [ContextEntry] = []
            if path.contains(where: { $0 == "*" || $0 == "?" || $0 == "[" }), let glob = try? IgnorePattern(path) {
                let matchingDirectories = snapshot.directories.filter { glob.matches($0.path) }
                found = snapshot.files.filter { glob.matches($0.path) }
                for directory in matchingDirectories { found.append(contentsOf: snapshot.files(under: directory.path)) }
            } else if let file = snapshot.file(at: path) {
                found = [file]
            } else {
                found = Array(snapshot.files(under: path))
            }
            if let excludeMatcher {
                found = found.filter { entry in
                    let relative = path == "." || !entry.path.hasPrefix(path + "/") ? entry.path : String(entry.path.dropFirst(path.count + 1))
                    return !excludeMatcher.excludes(relative) && !excludeMatcher.excludes(entry.path)
                }
            }
            if found.isEmpty && !(path != "." && snapshot.directories.contains { $0.path == path }) {
                unmatched.append((source, path != "." && snapshot.matcher.excludes(path)))
            }
            for entry in found { selected[entry.path] = entry }
        }
        return CopyResolution(step: step, stageIndex: stage, sources: sources,
                              files: selected.values.sorted { $0.path < $1.path }, unmatched: unmatched)
    }
}
