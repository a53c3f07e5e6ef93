import HostSystem

/// An ordered list of `.dockerignore` patterns, evaluated as moby/patternmatcher does:
/// the last matching pattern wins, a `!` pattern re-includes only what an earlier one excluded,
/// and a pattern that matches a parent directory excludes everything below it.
public struct PatternMatcher: Sendable {
    public let patterns: [IgnorePattern]
    /// The ignore-file line of each pattern, when known.
    public let lines: [Int?]

    public init(_ patterns: [String]) throws(IgnorePatternError) {
        try self.init(patterns.map { IgnoreLine(pattern: $0, line: 0) }, hasLines: false)
    }

    public init(_ lines: [IgnoreLine]) throws(IgnorePatternError) {
        try self.init(lines, hasLines: true)
    }

    private init(patterns: [IgnorePattern], lines: [Int?]) {
        self.patterns = patterns
        self.lines = lines
    }

    /// No patterns: everything is sent.
    public static let empty = PatternMatcher(patterns: [], lines: [])

    private init(_ lines: [IgnoreLine], hasLines: Bool) throws(IgnorePatternError) {
        var patterns: [IgnorePattern] = []
        var numbers: [Int?] = []
        for line in lines where !line.pattern.trimmingWhitespace().isEmpty {
            patterns.append(try IgnorePattern(line.pattern, line: hasLines ? line.line : nil))
            numbers.append(hasLines ? line.line : nil)
        }
        self.patterns = patterns
        self.lines = numbers
    }

    /// Whether any `!` pattern exists (without one, an excluded directory is never entered).
    public var hasExceptions: Bool { patterns.contains(where: \.isException) }

    /// `MatchesOrParentMatches`: the path, or any of its parent directories, is excluded.
    public func excludes(_ path: String) -> Bool {
        let bytes = Array(path.utf8)
        let parents = Self.parentPrefixes(of: bytes)
        var matched = false
        for pattern in patterns where pattern.isException == matched {
            var match = pattern.matches(bytes)
            if !match { match = parents.contains(where: pattern.matches) }
            if match { matched = !pattern.isException }
        }
        return matched
    }

    /// The package-level `Matches`: the path is cleaned first and `.` never matches.
    public func excludesCleaned(_ path: String) -> Bool {
        let cleaned = PathCleaner.clean(path)
        return cleaned == "." ? false : excludes(cleaned)
    }

    /// Per-pattern results for a directory, so its children need not re-test what it matched.
    public struct ParentResults: Sendable {
        public internal(set) var matchedPatterns: [Bool]
        public var excluded: Bool
        public static let root = ParentResults(matchedPatterns: [], excluded: false)
    }

    /// `MatchesUsingParentResults`: evaluates `path` given its parent directory's results.
    public func evaluate(_ path: [UInt8], parent: ParentResults) -> ParentResults {
        var matched = false
        var results = [Bool](repeating: false, count: patterns.count)
        let hasParent = !parent.matchedPatterns.isEmpty
        for (index, pattern) in patterns.enumerated() {
            var match = hasParent && parent.matchedPatterns[index]
            if !match {
                guard pattern.isException == matched else { continue }
                match = pattern.matches(path)
                if !match, !hasParent {
                    match = Self.parentPrefixes(of: path).contains(where: pattern.matches)
                }
            }
            results[index] = match
            if match { matched = !pattern.isException }
        }
        return ParentResults(matchedPatterns: results, excluded: matched)
    }

    /// Whether an excluded directory must still be entered: some exception starts inside it.
    /// (BuildKit's fsutil walker enters only when an exception's text starts with `dir/`.)
    public func mayReinclude(below directory: String) -> Bool {
        let prefix = directory + "/"
        return patterns.contains { $0.isException && ($0.text + "/").hasPrefix(prefix) }
    }

    /// `a`, `a/b` for `a/b/c` — Go's `filepath.Dir` split into its growing prefixes.
    static func parentPrefixes(of path: [UInt8]) -> [[UInt8]] {
        guard let lastSlash = path.lastIndex(of: UInt8(ascii: "/")) else { return [] }
        let parent = Array(PathCleaner.clean(String(decoding: path[...lastSlash], as: UTF8.self)).utf8)
        guard parent != [UInt8(ascii: ".")] else { return [] }
        var prefixes: [[UInt8]] = []
        for (index, byte) in parent.enumerated() where byte == UInt8(ascii: "/") {
            prefixes.append(Array(parent[..<index]))
        }
        prefixes.append(parent)
        return prefixes
    }
}
