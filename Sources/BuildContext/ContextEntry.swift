/// One entry the build context sends.
public struct ContextEntry: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case file, symlink, directory, other
    }

    /// Slash-separated and relative to the context root; bytes that are not UTF-8 are shown as U+FFFD.
    public var path: String
    public var kind: Kind
    /// Bytes of a regular file; 0 otherwise.
    public var size: Int64
    /// Where a symlink points, as stored (never followed).
    public var linkTarget: String?
}

/// An entry the walk could not read; reported, not fatal.
public struct ContextProblem: Sendable, Hashable {
    public var path: String
    public var message: String
}
