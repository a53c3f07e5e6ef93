import BuildContext

/// Path patterns over an image's filesystem, as `.plimsoll.yaml` gives them: a pattern without `/`
/// matches a file name anywhere (`*.p12`), one with `/` matches from the image root with
/// `.dockerignore` rules (`app/tests/**`, `/opt/fixtures`), a directory covering what is below it.
struct ImagePathPatterns: Sendable {
    private let byName: PatternMatcher
    private let byPath: PatternMatcher
    let isEmpty: Bool

    init(_ patterns: [String]) throws(IgnorePatternError) {
        byName = try PatternMatcher(patterns.filter { !$0.contains("/") })
        byPath = try PatternMatcher(patterns.filter { $0.contains("/") })
        isEmpty = patterns.isEmpty
    }

    /// `path` is relative to the image root, without a leading `/`.
    func matches(_ path: String) -> Bool {
        guard !isEmpty else { return false }
        let name = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[path.utf8.index(after: $0)...]) } ?? path
        return byName.excludes(name) || byPath.excludes(path)
    }

    /// Patterns the loader validated already; an invalid one matches nothing rather than stopping a run.
    static func compiled(_ patterns: [String]) -> ImagePathPatterns {
        (try? ImagePathPatterns(patterns)) ?? .none
    }

    private init(none: Void) {
        byName = .empty
        byPath = .empty
        isEmpty = true
    }

    static let none = ImagePathPatterns(none: ())
}
