import ContainerImage
import HostSystem
import Registry

/// How to read an image: which platform of a multi-platform one, whether to verify digests, how to
/// reach registries, and where to cache what they send.
public struct ImageReading: Sendable {
    public var platform: Platform?
    public var verifiesDigests: Bool
    public var progress: (any ReadProgress)?
    public var registry: RegistryOptions
    /// Where downloaded blobs are kept; nil reads and writes no cache (`--no-cache`).
    public var cacheRoot: String?
    /// Told what the transport wants the user to know (``Image/notices``), as the image opens.
    public var notify: (@Sendable (String) -> Void)?

    public init(platform: Platform? = nil, verifiesDigests: Bool = true, progress: (any ReadProgress)? = nil,
                registry: RegistryOptions = RegistryOptions(), cacheRoot: String? = CacheDirectory.resolved) {
        self.platform = platform
        self.verifiesDigests = verifiesDigests
        self.progress = progress
        self.registry = registry
        self.cacheRoot = cacheRoot
    }

    /// Opens the image, streams its layers once, keeping the contents `capture` asks for, and
    /// analyses them; the analysis may overlap the last digest checks, and its result is returned
    /// only when they pass. `extraction` names what `inspector` extracts, which keys the layer
    /// analysis cache: readings that extract differently never share an entry.
    public func read<Analysis>(_ reference: String, capture: @escaping @Sendable (Image) -> @Sendable (String, Int64) -> Int,
                               inspector: @escaping @Sendable (String, Int64, UInt32) -> (any ContentInspector)? = { _, _, _ in nil },
                               extraction: String = "none",
                               analysing analyse: (Image, [LayerChanges]) throws(AuditError) -> Analysis) throws(AuditError) -> Analysis {
        let outcome: Result<Analysis, AuditError>
        let opener = ImageOpener(platform: platform, registry: registry, cacheRoot: cacheRoot)
        do throws(ImageError) {
            let image = try opener.open(reference)
            for notice in image.notices { notify?(notice) }
            do throws(ImageError) {
                outcome = try scan(image, capture: capture, inspector: inspector, extraction: extraction, analysing: analyse)
            } catch {
                // A cached blob that no longer matches its digest is deleted and the image read once
                // more, which fetches it from the registry again.
                guard image.transport == RegistryImageResolver.transport, let cache = cacheRoot.flatMap({ BlobCache(root: $0) }),
                      cache.evictDamaged(image.layers) else { throw error }
                outcome = try scan(try opener.open(reference), capture: capture, inspector: inspector, extraction: extraction, analysing: analyse)
            }
        } catch {
            throw AuditError(error.description)
        }
        return try outcome.get()
    }

    private func scan<Analysis>(_ image: Image, capture: @Sendable (Image) -> @Sendable (String, Int64) -> Int,
                                inspector: @escaping @Sendable (String, Int64, UInt32) -> (any ContentInspector)?, extraction: String,
                                analysing analyse: (Image, [LayerChanges]) throws(AuditError) -> Analysis) throws(ImageError) -> Result<Analysis, AuditError> {
        progress?.started(layers: image.layers.count)
        var reader = LayerReader(verifiesDigests: verifiesDigests, capture: capture(image))
        reader.inspector = inspector
        let progress = progress
        var layerDone: (@Sendable () -> Void)?
        if let progress { layerDone = { progress.layerDone() } }
        return try LayerScan.read(image, with: reader, cache: analysisCache(for: image, reader: reader, extraction: extraction),
                                  progress: layerDone) { (changes) -> Result<Analysis, AuditError> in
            progress?.finished()
            return Result { () throws(AuditError) -> Analysis in try analyse(image, changes) }
        }
    }

    /// Only registry layers are taken from the cache: reading them costs a download, while a local
    /// archive or layout is read again (and its bytes verified again) because it may have changed.
    private func analysisCache(for image: Image, reader: LayerReader, extraction: String) -> LayerAnalysisCache? {
        guard image.transport == RegistryImageResolver.transport, let cacheRoot else { return nil }
        return LayerAnalysisCache(root: cacheRoot, analysis: extraction, reader: reader)
    }
}
