import BuildContext
import DockerfileSyntax
/// The practice: a `.dockerignore` that says what it does.
struct IgnorePatternUnused: ContextRule {
    static let meta = RuleMeta(
        id: "PC011", name: "ignore-pattern-unused", severity: .info,
        title: "A .dockerignore pattern matches nothing",
        why: """
            The pattern matches no path in the context, or the exception re-includes nothing, so it has no \
            effect today. Often it is a typo (`node_module`), a path written relative to the Dockerfile \
            instead of the context, or a leftover; an exception listed before the pattern it should undo \
            never applies, because the last matching pattern wins.
            """,
        triggering: [
            "== Dockerfile ==\nFROM alpine:3.20\n== .dockerignore ==\nnode_module\n== node_modules/x.js ==\n1\n",
            "== Dockerfile ==\nFROM alpine:3.20\n== .dockerignore ==\n!keep.log\n*.log\n== keep.log ==\n1\n",
        ],
        passing: [
            "== Dockerfile ==\nFROM alpine:3.20\n== .dockerignore ==\nnode_modules\n== node_modules/x.js ==\n1\n",
            "== Dockerfile ==\nFROM alpine:3.20\n== .dockerignore ==\n*.log\n!keep.log\n== keep.log ==\n1\n",
        ])

    func check(_ context: ContextCheckContext) -> [Finding] {
        let snapshot = context.snapshot
        guard let ignoreFile = snapshot.ignoreFile else { return [] }
        return snapshot.matcher.patterns.enumerated().compactMap { index, pattern in
            guard index < snapshot.patternUsed.count, !snapshot.patternUsed[index] else { return nil }
            let line = snapshot.matcher.lines[index] ?? 1
            let text = (pattern.isException ? "!" : "") + pattern.text
            let message = pattern.isException
                ? "exception `\(text)` re-includes nothing: no earlier pattern excludes a path it matches"
                : "pattern `\(text)` matches nothing in the build context"
            return Finding(rule: Self.meta, message: message, file: ignoreFile, range: .line(line))
        }
    }
}
