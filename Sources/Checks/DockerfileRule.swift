import HostSystem
import DockerfileSyntax

/// A Dockerfile rule: one small type that describes itself and checks one practice.
public protocol DockerfileRule: Sendable {
    static var meta: RuleMeta { get }
    init()
    func check(_ context: LintContext) -> [Finding]
}

/// What a rule can ask about the file being linted.
public struct LintContext: Sendable {
    public var graph: BuildGraph
    public var configuration: Configuration
    /// Today as days since 1970-01-01 (injectable, so date-dependent rules are testable).
    public var today: Int
    /// What registries said of the base images (`--online`); empty offline.
    public var baseImages: BaseImageFacts
    public var dockerfile: Dockerfile { graph.dockerfile }
    public var source: SourceFile { graph.dockerfile.source }

    /// Every step of every stage, in order.
    public let allSteps: [Step]
    /// The steps of the stages whose layers make up the image (the final stage and those it is built `FROM`).
    public let layerSteps: [Step]

    public init(graph: BuildGraph, configuration: Configuration, today: Int = CivilDate.today, baseImages: BaseImageFacts = [:]) {
        self.graph = graph
        self.configuration = configuration
        self.today = today
        self.baseImages = baseImages
        // Computed once: nearly every rule walks one of these lists.
        allSteps = graph.stages.flatMap(\.steps)
        layerSteps = graph.stages.filter(\.shipsLayers).flatMap(\.steps)
    }

    public func option(_ name: String, of meta: RuleMeta) -> Int { configuration.option(name, of: meta) }

    public func finding(_ meta: RuleMeta, at span: SourceSpan, _ message: String, fix: Fix? = nil) -> Finding {
        Finding(rule: meta, message: message, file: source.path, range: source.range(of: span), fix: fix)
    }

    /// An edit that replaces `span` with `text`.
    public func edit(_ span: SourceSpan, _ text: String) -> TextEdit {
        TextEdit(range: source.range(of: span), span: span, replacement: text)
    }
}
