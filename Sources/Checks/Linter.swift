import HostSystem
import DockerfileSyntax

/// Lints Dockerfiles: parse, build the stage model, run every rule, then apply pragmas and configuration.
public struct Linter: Sendable {
    public var configuration: Configuration
    public var options: BuildOptions
    /// Days since 1970-01-01 that date-dependent rules (end of life) compare with.
    public var today: Int
    /// When set, POSIX shell-form RUNs are also checked with ShellCheck (findings `SC####`).
    public var shellcheck: ShellCheckRunner?
    /// What registries said of the base images (`--online`), for the base image rules.
    public var baseImages: BaseImageFacts = [:]
    private let rules: [any DockerfileRule]

    public init(configuration: Configuration = Configuration(), options: BuildOptions = BuildOptions(), today: Int = CivilDate.today,
                shellcheck: ShellCheckRunner? = nil) {
        self.configuration = configuration
        self.options = options
        self.today = today
        self.shellcheck = shellcheck
        self.rules = RuleRegistry.dockerfileRules.map { $0.init() }
    }

    public func lint(_ source: SourceFile) -> [Finding] {
        lint([source])[0]
    }

    /// Lints several files. Their ShellCheck scripts go to ShellCheck together, so a batch pays
    /// ShellCheck's start-up once per core rather than once per file.
    public func lint(_ sources: [SourceFile]) -> [[Finding]] {
        let drafts = sources.map(draft)
        let comments = shellcheck?.check(drafts.flatMap { $0.scripts.map(\.text) }) ?? []
        var offset = 0
        var remaining = comments[...]
        return drafts.map { draft in
            var findings = draft.findings
            let end = offset + draft.scripts.count
            let own = remaining.prefix { $0.script < end }.map { comment in
                var comment = comment
                comment.script -= offset
                return comment
            }
            remaining = remaining.dropFirst(own.count)
            findings += ShellCheckScripts.findings(own, scripts: draft.scripts, file: draft.path)
            offset = end
            return FindingPolicy(configuration: configuration).apply(findings, pragmas: draft.dockerfile.map(Pragmas.init), pragmaFile: draft.path)
        }
    }

    /// A file's findings before ShellCheck's and before pragmas and configuration apply.
    private struct Draft {
        var path: String
        var dockerfile: Dockerfile?
        var findings: [Finding]
        var scripts: [ShellCheckScripts.Script] = []
    }

    private func draft(_ source: SourceFile) -> Draft {
        do {
            return check(try DockerfileParser.parse(source), extra: [])
        } catch {
            // BuildKit rejects the whole file; the instructions before the error are still linted.
            let failure = buildFailure(BuiltinFindings.syntaxError, error, in: source)
            guard error.line > 1, let prefix = try? DockerfileParser.parse(source.prefix(beforeLine: error.line)) else {
                return Draft(path: source.path, findings: [failure])
            }
            return check(prefix, extra: [failure])
        }
    }

    private func check(_ dockerfile: Dockerfile, extra: [Finding]) -> Draft {
        let graph = BuildGraph(dockerfile, options: options)
        var findings = extra + graph.problems.map { buildFailure(BuiltinFindings.invalidInstruction, $0, in: dockerfile.source) }
        let context = LintContext(graph: graph, configuration: configuration, today: today, baseImages: baseImages)
        for rule in rules where configuration.runs(type(of: rule).meta) {
            findings.append(contentsOf: rule.check(context))
        }
        return Draft(path: dockerfile.source.path, dockerfile: dockerfile, findings: findings,
                     scripts: shellcheck == nil ? [] : ShellCheckScripts.scripts(for: graph))
    }

    private func buildFailure(_ meta: RuleMeta, _ error: DockerfileSyntaxError, in source: SourceFile) -> Finding {
        let start = SourcePosition(line: error.line, column: 1)
        let endLine = min(error.endLine, source.lineCount)
        let end = source.position(of: source.endOfLine(max(endLine, error.line)))
        return Finding(rule: meta, message: error.message, file: source.path, range: SourceRange(start: start, end: max(start, end)))
    }
}
