import Checks
import ContainerImage
import Dispatch
import DockerfileSyntax
import HTTPTransfer
import Registry
import Synchronization

/// Asks registries how fresh the base images of Dockerfiles are (`--online`): what each FROM's tag
/// points at now, against the digest it pins, and whether the tag's series has a newer release.
/// Only manifests, configs and tag lists are read, never a layer.
public struct BaseImageReview: Sendable {
    public var registry: RegistryOptions

    public init(registry: RegistryOptions) {
        self.registry = registry
    }

    /// One answer per distinct FROM image name of `sources`, asked concurrently.
    public func facts(for sources: [SourceFile], options: BuildOptions) -> BaseImageFacts {
        var bases: [String: (reference: ImageReference?, platform: String?)] = [:]
        for source in sources {
            guard let dockerfile = try? DockerfileParser.parse(source) else { continue }
            for stage in BuildGraph(dockerfile, options: options).stages {
                switch stage.base {
                case .image(let reference): bases[stage.baseName] = (reference, stage.from.flag(named: "platform") == nil ? nil : stage.platform)
                case .unresolved: bases[stage.baseName] = (nil, nil)
                case .scratch, .stage: continue
                }
            }
        }
        let names = bases.keys.sorted()
        let found = bases
        let answers = Mutex<BaseImageFacts>([:])
        DispatchQueue.concurrentPerform(iterations: names.count) { position in
            let name = names[position]
            let base = found[name] ?? (nil, nil)
            let status = status(of: name, reference: base.reference, platform: base.platform)
            answers.withLock { $0[name] = status }
        }
        return answers.withLock { $0 }
    }

    /// How fresh the base of a built image is: the base its manifest annotations name
    /// (`org.opencontainers.image.base.name`, `…base.digest`), else `dockerfileBase` (the final
    /// stage's FROM). With a base digest the answer is the pin's; without one, the image is current
    /// when its first layers are the layers its base's tag has now. Nil when no base is known.
    public func status(ofBuilt image: Image, dockerfileBase: String?) -> BaseImageStatus? {
        guard let name = image.annotations[Self.baseNameAnnotation] ?? dockerfileBase, !name.isEmpty else { return nil }
        let platform = image.platform?.description
        if let digest = image.annotations[Self.baseDigestAnnotation], !name.contains("@") {
            return status(of: name + "@" + digest, reference: ImageReference(name + "@" + digest), platform: platform)
        }
        guard !name.contains("@") else { return status(of: name, reference: ImageReference(name), platform: platform) }
        do throws(ImageError) {
            let written = try RegistryReference(parsing: name)
            let tagged = written.with(tag: written.tag ?? "latest")
            let (_, resolver) = try registryReader(for: tagged, platform: platform)
            let current = try resolver.resolve(tagged, as: tagged.description)
            let builtOnIt = image.layers.map(\.diffID).starts(with: current.image.layers.map(\.diffID))
            return BaseImageStatus(state: builtOnIt ? .pinnedCurrent : .pinnedStale, reference: tagged.description,
                                   current: (current.image.manifestDigest ?? current.reference.digest)?.description,
                                   currentCreated: current.image.configuration.created,
                                   reason: builtOnIt ? nil : "the image's first layers are not the layers \(tagged) has now: it was built on an older base")
        } catch {
            return BaseImageStatus(state: .unresolvable, reference: name, reason: error.description)
        }
    }

    /// A client of `reference`'s registry and a resolver for `platform` (the default one when nil);
    /// no blob cache: only manifests and configs are read.
    private func registryReader(for reference: RegistryReference, platform: String?) throws(ImageError) -> (RegistryClient, RegistryImageResolver) {
        let wanted = try platform.map { (text) throws(ImageError) -> Platform in try Platform(parsing: text) }
        let client = try RegistryClient(reference: reference, options: registry, http: HTTPClient(settings: registry.http))
        return (client, RegistryImageResolver(client: client, cache: nil, platform: wanted))
    }

    static let baseNameAnnotation = "org.opencontainers.image.base.name"
    static let baseDigestAnnotation = "org.opencontainers.image.base.digest"

    /// `platform` is the FROM's `--platform`, when it names one: the pin is then that platform's manifest.
    func status(of name: String, reference: ImageReference?, platform: String?) -> BaseImageStatus {
        guard reference != nil else {
            return BaseImageStatus(state: .unresolvable, reference: name,
                                   reason: name.isEmpty ? "the name comes from an ARG with no value" : "`\(name)` is not an image name")
        }
        do throws(ImageError) {
            let written = try RegistryReference(parsing: name)
            guard let tag = written.tag else {
                return BaseImageStatus(state: .unresolvable, reference: written.description, pinned: written.digest?.description,
                                       reason: "it is pinned by digest alone, with no tag to compare with")
            }
            let tagged = written.with(tag: tag)
            let (client, resolver) = try registryReader(for: tagged, platform: platform)
            let current = try resolver.resolve(tagged, as: tagged.description)
            // An index digest unless the FROM names a platform (or pins one platform's manifest).
            let indexDigest = current.reference.digest ?? current.image.manifestDigest
            let platformDigest = current.image.manifestDigest ?? indexDigest
            var status = BaseImageStatus(state: .unpinned, reference: tagged.description, current: (platform == nil ? indexDigest : platformDigest)?.description,
                                         currentCreated: current.image.configuration.created)
            if let pinned = written.digest {
                status.pinned = pinned.description
                if pinned == indexDigest || pinned == platformDigest {
                    status.state = .pinnedCurrent
                } else {
                    let old = try resolver.resolve(written, as: name)
                    status.state = .pinnedStale
                    status.pinnedCreated = old.image.configuration.created
                    if old.indexDigest == nil, current.indexDigest != nil { status.current = platformDigest?.description }
                }
            }
            if let release = ReleaseTag(tag), let newer = release.newest(among: try client.tags(written.repository)) {
                status.newerTag = newer
                if status.state != .pinnedStale { status.state = .newerRelease }
            }
            return status
        } catch {
            return BaseImageStatus(state: .unresolvable, reference: name, reason: error.description)
        }
    }
}
