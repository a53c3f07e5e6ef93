/// `index.json` of a layout, or a multi-platform index / Docker manifest list.
struct ImageIndex: Decodable {
    var mediaType: String?
    var manifests: [Descriptor]
}

/// An image manifest (OCI or Docker schema 2).
struct ImageManifest: Decodable {
    var mediaType: String?
    var config: Descriptor
    var layers: [Descriptor]
    /// Present when the document is really an index that was stored where a manifest was expected.
    var manifests: [Descriptor]?
}

/// One entry of a docker-archive `manifest.json`.
struct DockerArchiveEntry: Decodable {
    var config: String
    var repoTags: [String]?
    var layers: [String]
    var layerSources: [String: Descriptor]?

    enum CodingKeys: String, CodingKey {
        case config = "Config"
        case repoTags = "RepoTags"
        case layers = "Layers"
        case layerSources = "LayerSources"
    }
}
