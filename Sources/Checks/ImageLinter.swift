import ContainerImage
import DockerfileSyntax

/// What `plimsoll image` found: the space analysis, where each layer came from, and the findings.
public struct ImageReport: Sendable {
    public var reference: String
    public var image: Image?
    public var history: LayerHistory
    public var space: SpaceAnalysis
    public var origins: [LayerOrigin]
    /// Per layer: bytes of the uncompressed tar stream.
    public var layerStreamSizes: [Int64]
    public var dockerfilePath: String?
    /// Where findings about a layer go; later analyses (vulnerabilities) place theirs the same way.
    public var placement: LayerPlacement
    public var findings: [Finding]
    /// The largest savings available, biggest first.
    public var wins: [SpaceWin]
    /// What the reader should know about the report itself (a Dockerfile that did not build this image).
    public var notes: [String] = []
}

/// One way to make the image smaller, and by how much.
public struct SpaceWin: Sendable {
    public var bytes: Int64
    /// `delete /var/lib/apt/lists/… in the layer that creates them`.
    public var action: String
    /// The layer to change.
    public var layer: Int?

    /// Savings the analysis can name: files deleted or overwritten later, caches left behind.
    static func find(in image: ImageCheckContext, limit: Int = 5) -> [SpaceWin] {
        var wins: [SpaceWin] = []
        for loss in LaterLayerLoss.group(image.tree.removals, overwritten: false) {
            wins.append(SpaceWin(bytes: loss.bytes, action: "delete \(loss.examples) in \(image.describe(layer: loss.layer)), not in layer \(loss.hiddenBy)",
                                 layer: loss.layer))
        }
        for loss in LaterLayerLoss.group(image.tree.removals, overwritten: true) {
            wins.append(SpaceWin(bytes: loss.bytes, action: "write \(loss.examples) once instead of again in layer \(loss.hiddenBy)",
                                 layer: loss.layer))
        }
        for tally in image.cacheTallies where tally.bytes > 0 {
            wins.append(SpaceWin(bytes: tally.bytes, action: "remove the \(tally.location.label) in /\(tally.location.pattern): \(tally.location.remedy)",
                                 layer: tally.mainLayer))
        }
        return Array(wins.sorted { $0.bytes > $1.bytes }.prefix(limit))
    }
}

/// Runs every image rule over an image's layers, joined to its Dockerfile when one is given.
public struct ImageLinter: Sendable {
    public var configuration: Configuration
    public var options: BuildOptions
    private let rules: [any ImageRule]

    public init(configuration: Configuration = Configuration(), options: BuildOptions = BuildOptions()) {
        self.configuration = configuration
        self.options = options
        rules = RuleRegistry.imageRules.map { $0.init() }
    }

    /// `additionalFindings` adds findings made elsewhere (known vulnerabilities) that are placed like
    /// the rules' own and go through the same ignore list, pragmas and overrides.
    public func check(reference: String, image: Image?, imageConfiguration: ImageConfiguration, changes: [LayerChanges],
                      dockerfile: SourceFile?, imageBase: BaseImageStatus? = nil,
                      additionalFindings: (LayerPlacement) -> [Finding] = { _ in [] }) -> ImageReport {
        let tree = FileTree(layers: changes)
        let space = SpaceAnalysis(changes: changes, tree: tree)
        let history = LayerHistory(imageConfiguration, layerCount: changes.count)
        var dockerfile = dockerfile
        var parsed = dockerfile.flatMap { LayerPlacement.finalStage(of: $0, options: options) }
        var notes: [String] = []
        // A Dockerfile that did not build this image would put findings on unrelated lines: say so, and report on the image.
        if let given = dockerfile, let stage = parsed?.stage, let reason = LayerOrigin.disagreement(history: history, steps: stage.steps) {
            notes.append("\(given.path) does not look like the Dockerfile of \(reference) (\(reason)); findings are reported on the image, not on its lines")
            dockerfile = nil
            parsed = nil
        }
        let finalStage = parsed?.stage
        let parsedDockerfile = parsed?.dockerfile
        // Reports and messages show history commands; build arguments and ENV values in them may be secrets.
        let origins = LayerOrigin.match(history: history, steps: finalStage?.steps ?? []).map { origin in
            var redacted = origin
            redacted.createdBy = origin.createdBy.map(SecretRedaction.redact)
            return redacted
        }
        var redactedHistory = history
        redactedHistory.entries = history.entries.map { entry in
            var redacted = entry
            redacted.createdBy = entry.createdBy.map(SecretRedaction.redact)
            return redacted
        }
        let context = ImageCheckContext(reference: reference, imageConfiguration: imageConfiguration, changes: changes, tree: tree,
                                        space: space, origins: origins, history: history, dockerfile: dockerfile, finalStage: finalStage,
                                        configuration: configuration, imageBase: imageBase)
        var findings: [Finding] = []
        for rule in rules where configuration.runs(type(of: rule).meta) {
            findings.append(contentsOf: rule.check(context))
        }
        let placement = LayerPlacement(reference: reference, origins: origins, dockerfile: dockerfile)
        findings += additionalFindings(placement)
        let allowed = ImagePathPatterns.compiled(configuration.allowPaths)
        findings.removeAll { finding in finding.path.map { allowed.matches(String($0.dropFirst())) } ?? false }
        findings = FindingPolicy(configuration: configuration)
            .apply(findings, pragmas: parsedDockerfile.map(Pragmas.init), pragmaFile: dockerfile?.path)
        return ImageReport(reference: reference, image: image, history: redactedHistory, space: space, origins: origins,
                           layerStreamSizes: changes.map(\.uncompressedSize), dockerfilePath: dockerfile?.path,
                           placement: placement, findings: findings,
                           wins: SpaceWin.find(in: context), notes: notes)
    }
}
