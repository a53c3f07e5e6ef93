import DockerfileSyntax

struct PipCacheLeft: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD029", name: "pip-cache-left", severity: .warning, aliases: ["DL3042"],
        title: "pip install keeps its download cache in the layer",
        why: """
            pip caches every wheel it downloads under `~/.cache/pip`; in an image that is dead weight, often \
            as large as the installed packages. Use `pip install --no-cache-dir`, set `ENV PIP_NO_CACHE_DIR=1`, \
            or mount a cache (`RUN --mount=type=cache,target=/root/.cache/pip`).
            """,
        triggering: ["FROM python:3.12-slim\nRUN pip install -r requirements.txt\n", "FROM python:3.12-slim\nRUN python -m pip install flask\n"],
        passing: ["FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt\n",
                  "FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n",
                  "FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n"],
        fix: .safe,
        differences: [
            AliasDifference(.buildStage, aliases: ["DL3042"], "build stages whose layers do not make up the image are not flagged (hadolint flags them)."),
            AliasDifference(.backtickEscape, aliases: ["DL3042"], "in files with `# escape=``, hadolint's line numbers drift after backtick continuations; plimsoll reports BuildKit's lines."),
        ])

    static let cache = PackageManager.pip.cacheDirectory(program: "pip") ?? "/root/.cache/pip"

    func check(_ context: LintContext) -> [Finding] {
        context.graph.stages.filter(\.shipsLayers).flatMap { stage -> [Finding] in
            var cacheDisabled = false
            return stage.steps.compactMap { step -> Finding? in
                if step.instruction.kind == .env {
                    for (key, value) in step.assignedVariables where key == "PIP_NO_CACHE_DIR" {
                        cacheDisabled = !["", "0", "false", "no", "off"].contains(value.lowercased())
                    }
                }
                guard !cacheDisabled, PackageCommands(step)?.leaves(Self.cache) != nil else { return nil }
                let fix = RunTextEdits.insert(" --no-cache-dir", after: ["pip install", "pip3 install"], in: step, context: context)
                    .map { Fix(Self.meta, description: "Add --no-cache-dir to pip install", edits: $0) }
                return context.finding(Self.meta, at: step.instruction.span, "`pip install` keeps its download cache in this layer; add `--no-cache-dir`", fix: fix)
            }
        }
    }

}
