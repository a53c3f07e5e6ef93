import BuildContext
import DockerfileSyntax

/// What `plimsoll context` found for one Dockerfile and its context.
public struct ContextReport: Sendable {
    /// The Dockerfile's path as given, when there is one.
    public var dockerfilePath: String?
    public var snapshot: ContextSnapshot
    public var copies: [CopyResolution]
    public var findings: [Finding]
}

/// Walks a build context, resolves the Dockerfile's COPY/ADD against it and runs every context rule.
public struct ContextLinter: Sendable {
    public var configuration: Configuration
    public var options: BuildOptions
    private let rules: [any ContextRule]

    public init(configuration: Configuration = Configuration(), options: BuildOptions = BuildOptions()) {
        self.configuration = configuration
        self.options = options
        self.rules = RuleRegistry.contextRules.map { $0.init() }
    }

    /// `dockerfile` is the file's bytes (nil when there is none); a Dockerfile that does not parse
    /// still gets the rules that need only the context.
    public func check(context directory: String, dockerfile: SourceFile?) throws(ContextError) -> ContextReport {
        let snapshot = try BuildContextLoader.load(context: directory, dockerfile: dockerfile?.path)
        var graph: BuildGraph?
        var dockerfileTree: Dockerfile?
        if let dockerfile, let parsed = try? DockerfileParser.parse(dockerfile) {
            dockerfileTree = parsed
            graph = BuildGraph(parsed, options: options)
        }
        let copies = graph.map { CopyResolver.resolve($0, in: snapshot) } ?? []
        var context = ContextCheckContext(dockerfile: dockerfile, graph: graph, snapshot: snapshot, copies: copies,
                                          configuration: configuration, secrets: [])
        context.secrets = ContextSecretSearch.search(snapshot, copied: Set(context.carriers.keys), diskPath: snapshot.diskPath)
        var findings: [Finding] = []
        for rule in rules where configuration.runs(type(of: rule).meta) {
            findings.append(contentsOf: rule.check(context))
        }
        findings = FindingPolicy(configuration: configuration)
            .apply(findings, pragmas: dockerfileTree.map(Pragmas.init), pragmaFile: dockerfile?.path)
        return ContextReport(dockerfilePath: dockerfile?.path, snapshot: snapshot, copies: copies, findings: findings)
    }
}
