import DockerfileSyntax

/// Lints Dockerfiles: parse, build the stage model, run every rule, then apply pragmas and configuration.
public struct Linter: Sendable {
    public var configuration: Configuration
    public var options: BuildOptions
    /// Days since 1970-01-01 that date-dependent rules (end of life) compare with.
    public var today: Int
    /// When set, POSIX shell-form RUNs are also checked with ShellCheck (findings `SC####`).
    public var shellcheck: ShellCheckRunner?
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
        do {
            return check(try DockerfileParser.parse(source), extra: [])
        } catch {
            // BuildKit rejects the whole file; the instructions before the error are still linted.
            let failure = buildFailure(BuiltinFindings.syntaxError, error, in: source)
            guard error.line > 1, let prefix = try? DockerfileParser.parse(source.prefix(beforeLine: error.line)) else {
                return FindingPolicy(configuration: configuration).apply([failure], pragmas: nil, pragmaFile: nil)
            }
            return check(prefix, extra: [failure])
        }
    }

    private func check(_ dockerfile: Dockerfile, extra: [Finding]) -> [Finding] {
        let source = dockerfile.source
        let graph = BuildGraph(dockerfile, options: options)
        var findings = extra + graph.problems.map { buildFailure(BuiltinFindings.invalidInstruction, $0, in: source) }
        let context = LintContext(graph: graph, configuration: configuration, today: today)
        for rule in rules where configuration.runs(type(of: rule).meta) {
            findings.append(contentsOf: rule.check(context))
        }
        if let shellcheck {
            let scripts = ShellCheckScripts.scripts(for: graph)
            findings += ShellCheckScripts.findings(shellcheck.check(scripts.map(\.text)), scripts: scripts, file: source.path)
        }
        return FindingPolicy(configuration: configuration).apply(findings, pragmas: Pragmas(dockerfile), pragmaFile: source.path)
    }

    private func buildFailure(_ meta: RuleMeta, _ error: DockerfileSyntaxError, in source: SourceFile) -> Finding {
        let start = SourcePosition(line: error.line, column: 1)
        let endLine = min(error.endLine, source.lineCount)
        let end = source.position(of: source.endOfLine(max(endLine, error.line)))
        return Finding(rule: meta, message: error.message, file: source.path, range: SourceRange(start: start, end: max(start, end)))
    }
}
