import ContainerImage
import DockerfileSyntax

/// What an image rule can ask: the layers' change sets, the final filesystem, the space analysis,
/// the configuration, and which Dockerfile instruction made each layer.
public struct ImageCheckContext: Sendable {
    /// The image reference as given; findings without a Dockerfile line are reported against it.
    public var reference: String
    public var imageConfiguration: ImageConfiguration
    public var changes: [LayerChanges]
    public var tree: FileTree
    public var space: SpaceAnalysis
    public var origins: [LayerOrigin]
    public var history: LayerHistory
    public var dockerfile: SourceFile?
    /// The Dockerfile's final stage, when a Dockerfile is given.
    public var finalStage: Stage?
    public var configuration: Configuration
    /// Regular files of the final filesystem in path order, listed once for all rules.
    public let files: [FinalFile]
    /// Every path of the final filesystem that a layer entry wrote, with its node, in no particular order.
    let entries: [(path: String, node: FileTree.Node)]
    /// Caches found in the final filesystem; both a rule and the list of wins need them.
    let cacheTallies: [LeftoverLocation.Tally]
    /// Credentials in every captured file of every layer; two rules split them by visibility.
    let secrets: [ImageSecret]
    /// The history's RUN commands, parsed once for the history rules.
    let historyRuns: [HistoryRun]
    /// The distribution, when the image has a release file.
    public private(set) var distribution: OSRelease?
    /// How fresh the image's base is, when its registry was asked (`--online`).
    public var imageBase: BaseImageStatus?

    public struct FinalFile: Sendable {
        public var path: String
        public var size: Int64
        /// The layer that wrote it.
        public var layer: Int
    }

    public init(reference: String, imageConfiguration: ImageConfiguration, changes: [LayerChanges], tree: FileTree, space: SpaceAnalysis,
                origins: [LayerOrigin], history: LayerHistory, dockerfile: SourceFile?, finalStage: Stage? = nil,
                configuration: Configuration, imageBase: BaseImageStatus? = nil) {
        self.reference = reference
        self.imageBase = imageBase
        self.imageConfiguration = imageConfiguration
        self.changes = changes
        self.tree = tree
        self.space = space
        self.origins = origins
        self.history = history
        self.dockerfile = dockerfile
        self.finalStage = finalStage
        self.configuration = configuration
        var entries: [(path: String, node: FileTree.Node)] = []
        var files: [FinalFile] = []
        tree.forEachNode { node in
            guard let entry = node.entry, changes.indices.contains(node.layer) else { return }
            let path = changes[node.layer].entries[entry].path
            entries.append((path, node))
            if node.kind == .regular { files.append(FinalFile(path: path, size: node.size, layer: node.layer)) }
        }
        self.entries = entries
        self.files = files.sorted { $0.path < $1.path }
        cacheTallies = LeftoverLocation.tally(LeftoverLocation.caches, in: files)
        secrets = ImageSecret.search(changes, configuration: configuration)
        historyRuns = HistoryRun.all(in: history)
        distribution = nil
        distribution = OSRelease.detect { self.finalContent($0) }
    }

    public func option(_ name: String, of meta: RuleMeta) -> Int { configuration.option(name, of: meta) }

    /// A finding about `layer` (nil: the whole image), on the Dockerfile line that made the layer when it is known.
    public func finding(_ meta: RuleMeta, layer: Int?, path: String?, _ message: String) -> Finding {
        LayerPlacement(reference: reference, origins: origins, dockerfile: dockerfile).finding(meta, layer: layer, path: path.map { "/" + $0 }, message)
    }

    /// The captured content of a layer entry, when the rules asked for it.
    public func content(layer: Int, entry: Int) -> [UInt8]? {
        changes.indices.contains(layer) ? changes[layer].captured[entry] : nil
    }

    /// The captured content of a file of the final filesystem, following symbolic links inside the image.
    public func finalContent(_ path: String) -> [UInt8]? { tree.capturedContent(path, in: changes) }

    /// Every path of the final filesystem that a layer entry wrote (directories only implied by a deeper path are left out).
    public func finalEntries(_ visit: (_ path: String, _ node: FileTree.Node) -> Void) {
        for (path, node) in entries { visit(path, node) }
    }

    /// A finding about the image config, on the last final-stage instruction with `keyword` that
    /// `matches` (the one that set the value), else on the FROM line, else on the image.
    public func configFinding(_ meta: RuleMeta, keyword: String, matches: (Step) -> Bool = { _ in true }, path: String? = nil,
                              _ message: String) -> Finding {
        if let dockerfile, let stage = finalStage {
            let instruction = stage.steps.last { $0.instruction.keyword.uppercased() == keyword && matches($0) }?.instruction ?? stage.from
            return Finding(rule: meta, message: message, file: dockerfile.path, range: dockerfile.range(of: instruction.span), path: path)
        }
        return Finding(rule: meta, message: message, file: reference, range: .noLine, path: path)
    }

    /// `layer 2 (RUN rm -rf /var/lib/apt/lists/*)`, or `layer 0 (base image)`.
    public func describe(layer: Int) -> String {
        guard origins.indices.contains(layer) else { return "layer \(layer)" }
        let origin = origins[layer]
        if origin.fromBaseImage { return "layer \(layer) (base image)" }
        guard let createdBy = origin.createdBy else { return "layer \(layer)" }
        let command = HistoryCommand(createdBy: createdBy)
        var text = command.keyword.isEmpty ? command.text : command.keyword + " " + command.text
        if text.count > 60 { text = String(text.prefix(57)) + "..." }
        return "layer \(layer) (`\(text)`)"
    }

    /// Regular files of the final filesystem with the layer that wrote them, in path order.
    public func finalFiles(_ visit: (_ path: String, _ size: Int64, _ layer: Int) -> Void) {
        for file in files { visit(file.path, file.size, file.layer) }
    }
}
