import ContainerImage
import DockerfileSyntax

/// Where a finding about an image's layer goes: on the Dockerfile instruction that made the layer
/// when the image is joined to its Dockerfile, else on the image reference with no line.
public struct LayerPlacement: Sendable {
    public var reference: String
    public var origins: [LayerOrigin]
    public var dockerfile: SourceFile?

    public init(reference: String, origins: [LayerOrigin], dockerfile: SourceFile?) {
        self.reference = reference
        self.origins = origins
        self.dockerfile = dockerfile
    }

    /// Joins an image's history to `dockerfile`'s final stage (as `--target` and build arguments select it).
    public init(reference: String, imageConfiguration: ImageConfiguration, layerCount: Int, dockerfile: SourceFile?, options: BuildOptions) {
        let history = LayerHistory(imageConfiguration, layerCount: layerCount)
        let steps = dockerfile.flatMap { Self.finalStage(of: $0, options: options) }?.stage.steps ?? []
        self.init(reference: reference, origins: LayerOrigin.match(history: history, steps: steps), dockerfile: dockerfile)
    }

    /// The parsed Dockerfile and the stage that is the image; nil when it does not parse.
    public static func finalStage(of dockerfile: SourceFile, options: BuildOptions) -> (dockerfile: Dockerfile, stage: Stage)? {
        guard let parsed = try? DockerfileParser.parse(dockerfile) else { return nil }
        let graph = BuildGraph(parsed, options: options)
        guard let stage = graph.stages.last(where: \.isFinal) ?? graph.stages.last else { return nil }
        return (parsed, stage)
    }

    /// `Dockerfile:7`, the instruction that made `layer`, when the image is joined to a Dockerfile.
    public func line(ofLayer layer: Int) -> (file: String, line: Int)? {
        guard origins.indices.contains(layer), let instruction = origins[layer].instruction, let dockerfile else { return nil }
        return (dockerfile.path, dockerfile.range(of: instruction.span).start.line)
    }

    /// `path` is absolute inside the image.
    public func finding(_ meta: RuleMeta, severity: Severity? = nil, layer: Int?, path: String?, fingerprint: String? = nil,
                        _ message: String) -> Finding {
        if let layer, origins.indices.contains(layer), let instruction = origins[layer].instruction, let dockerfile {
            return Finding(rule: meta, severity: severity, message: message, file: dockerfile.path, range: dockerfile.range(of: instruction.span),
                           path: path, layer: layer, fingerprint: fingerprint)
        }
        return Finding(rule: meta, severity: severity, message: message, file: reference, range: .noLine, path: path, layer: layer, fingerprint: fingerprint)
    }
}
