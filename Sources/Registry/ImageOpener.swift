import ContainerImage
import HTTPTransfer

/// Opens any image reference: files and archives through ``ImageLoader``, registry images and the
/// local engine's over the network. Everything after this sees only ``Image``.
public struct ImageOpener: Sendable {
    public var platform: Platform?
    public var registry: RegistryOptions
    /// The cache root (`--cache-dir`); nil for `--no-cache`, which reads and writes nothing there.
    public var cacheRoot: String?

    public init(platform: Platform? = nil, registry: RegistryOptions = RegistryOptions(), cacheRoot: String?) {
        self.platform = platform
        self.registry = registry
        self.cacheRoot = cacheRoot
    }

    /// Docker Hub's `ratelimit-remaining` at or below this is worth a warning: a CI run pulls several images.
    static let fewPullsLeft = 10

    public func open(_ reference: String) throws(ImageError) -> Image {
        switch try ImageLocation(parsing: reference) {
        case .registry(let name):
            let http = HTTPClient(settings: registry.http)
            let client = try RegistryClient(reference: name, options: registry, http: http)
            let cache = cacheRoot.flatMap { BlobCache(root: $0) }
            let remote = try RegistryImageResolver(client: client, cache: cache, platform: platform).resolve(name, as: reference)
            var image = try ImageLoader.checked(remote.image, platform: platform)
            image.resolved = remote.reference
            if let left = client.pullsRemaining, left <= Self.fewPullsLeft {
                image.notices.append("\(name.registry) allows \(left) more \(left == 1 ? "pull" : "pulls") in its rate-limit window; "
                                     + "`docker login` (or --authfile) raises the quota")
            }
            return image
        case .daemon(let name):
            let written = String(reference.dropFirst("docker-daemon:".count))
            var image = try EngineImageReader(http: HTTPClient(settings: registry.http)).read(written, reference: reference, platform: platform)
            image.resolved = name
            return try ImageLoader.checked(image, platform: platform)
        default:
            return try ImageLoader.load(reference, platform: platform)
        }
    }
}
