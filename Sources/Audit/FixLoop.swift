import Checks
import DockerfileSyntax

/// Applies a file's fixes, then lints again and applies what overlapping edits held back, as ruff
/// does; a few passes settle every fix plimsoll offers.
public struct FixLoop: Sendable {
    public var linter: Linter
    /// Also apply fixes marked unsafe (they can change behaviour or caching).
    public var includesUnsafe: Bool

    public init(linter: Linter, includesUnsafe: Bool) {
        self.linter = linter
        self.includesUnsafe = includesUnsafe
    }

    static let passes = 3

    /// The fixed bytes of `source`, whose findings are `findings`.
    public func fixed(_ source: SourceFile, findings: [Finding]) -> [UInt8] {
        var current = source
        var pending = findings
        for _ in 0..<Self.passes {
            let edits = pending.compactMap(\.fix).filter { $0.safety == .safe || includesUnsafe }.flatMap(\.edits)
            guard !edits.isEmpty else { break }
            let fixed = FixApplier.apply(edits, to: current)
            guard fixed != current.bytes else { break }
            current = SourceFile(path: source.path, bytes: fixed)
            pending = linter.lint(current)
        }
        return current.bytes
    }
}
