/// The practice: keep VCS and tool folders out of the build.
struct VCSOrEditorDirectory: ContextRule {
    static let meta = RuleMeta(
        id: "PC004", name: "vcs-or-editor-directory", severity: .warning,
        title: "A VCS or editor directory is sent",
        why: """
            `.git` holds the whole history of the project (often larger than the checkout, sometimes with \
            secrets that were removed from the tree long ago); `.hg` and `.svn` likewise; `.idea` and \
            `.vscode` hold personal editor state. None of them belongs in an image, and sending them slows \
            every build and busts the layer cache on every commit.
            """,
        triggering: [
            "== Dockerfile ==\nFROM node:22-slim\nCOPY . /app\n== .git/config ==\n[core]\n== index.js ==\n1\n",
            "== Dockerfile ==\nFROM node:22-slim\nCOPY index.js /app/\n== .vscode/settings.json ==\n{}\n== index.js ==\n1\n",
        ],
        passing: [
            "== Dockerfile ==\nFROM node:22-slim\nCOPY . /app\n== .dockerignore ==\n.git\n== .git/config ==\n[core]\n",
            "== Dockerfile ==\nFROM node:22-slim\nCOPY index.js /app/\n== index.js ==\n1\n",
        ])

    static let names: Set<String> = [".git", ".hg", ".svn", ".idea", ".vscode"]

    func check(_ context: ContextCheckContext) -> [Finding] {
        NamedDirectories.find(Self.names, in: context).map { directory in
            let size = NamedDirectories.summary(directory, in: context.snapshot)
            return context.findingCarried(
                Self.meta, path: directory,
                sent: "`\(directory)` (\(size)) is sent to the builder; add it to .dockerignore",
                copied: { "\($0.label) copies `\(directory)` (\(size)) into the image; add it to .dockerignore" })
        }
    }
}
