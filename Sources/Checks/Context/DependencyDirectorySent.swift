/// The practice: dependencies are installed in the image, not sent from the host.
struct DependencyDirectorySent: ContextRule {
    static let meta = RuleMeta(
        id: "PC005", name: "dependency-directory-sent", severity: .warning,
        title: "Dependencies or build output are sent, though the image builds them itself",
        why: """
            When the Dockerfile installs dependencies or builds (`npm ci`, `pip install`, `cargo build`, \
            `npm run build`), the host's `node_modules`, virtualenv, `target`, `dist` or `build` folders are \
            dead weight in the context, and if a broad COPY brings them in they overwrite what the image \
            built, with binaries compiled for the wrong platform. Python's `__pycache__` is never needed.
            """,
        triggering: [
            "== Dockerfile ==\nFROM node:22-slim\nCOPY package.json .\nRUN npm ci\n== package.json ==\n{}\n== node_modules/left-pad/index.js ==\n1\n",
            "== Dockerfile ==\nFROM python:3.12-slim\nCOPY app /app\n== app/main.py ==\n1\n== app/__pycache__/main.cpython-312.pyc ==\nx\n",
        ],
        passing: [
            "== Dockerfile ==\nFROM node:22-slim\nRUN npm ci\n== .dockerignore ==\nnode_modules\n== node_modules/left-pad/index.js ==\n1\n",
            "== Dockerfile ==\nFROM node:22-slim\nCOPY node_modules /app/node_modules\n== node_modules/left-pad/index.js ==\n1\n",
        ])

    func check(_ context: ContextCheckContext) -> [Finding] {
        var names: [String: String] = ["__pycache__": "Python bytecode is regenerated"]
        if context.runs(["npm", "yarn", "pnpm"], subcommand: ["install", "ci", "i", "add"]) {
            names["node_modules"] = "the Dockerfile installs its own node_modules"
        }
        if context.runs(["pip", "pip3", "poetry", "pipenv", "uv"], subcommand: ["install", "sync"]) {
            names[".venv"] = "the Dockerfile installs its own Python packages"
            names["venv"] = names[".venv"]
        }
        if context.runs(["cargo", "mvn", "mvnw", "gradle", "gradlew"]) {
            names["target"] = "the Dockerfile compiles the project itself"
        }
        if context.runs(["npm", "yarn", "pnpm"], subcommand: ["run", "build"]) {
            names["dist"] = "the Dockerfile builds the project itself"
            names["build"] = names["dist"]
        }
        return NamedDirectories.find(Set(names.keys), in: context).map { directory in
            let name = directory.split(separator: "/").last.map(String.init) ?? directory
            let reason = names[name] ?? ""
            let size = NamedDirectories.summary(directory, in: context.snapshot)
            return context.findingCarried(
                Self.meta, path: directory,
                sent: "`\(directory)` (\(size)) is sent although \(reason); add it to .dockerignore",
                copied: { "\($0.label) copies `\(directory)` (\(size)) although \(reason); add it to .dockerignore" })
        }
    }
}
