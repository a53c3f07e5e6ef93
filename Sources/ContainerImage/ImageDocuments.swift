/// `index.json` of a layout, or a multi-platform index / Docker manifest list.
public struct ImageIndex: Sendable, Decodable {
    public var mediaType: String?
    public var manifests: [Descriptor]

    public static func decode(_ bytes: [UInt8]) throws(ImageError) -> ImageIndex {
        try JSONDocument.decode(ImageIndex.self, from: bytes, what: "image index")
    }
}

/// An image manifest (OCI or Docker schema 2).
public struct ImageManifest: Sendable, Decodable {
    public var mediaType: String?
    public var config: Descriptor
    public var layers: [Descriptor]
    /// Present when the document is really an index that was stored where a manifest was expected.
    public var manifests: [Descriptor]?
    /// `org.opencontainers.image.base.name` and the like.
    public var annotations: [String: String]?

    public static func decode(_ bytes: [UInt8]) throws(ImageError) -> ImageManifest {
        try JSONDocument.decode(ImageManifest.self, from: bytes, what: "image manifest")
    }
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

extension ImageConfiguration {
    public static func decode(_ bytes: [UInt8]) throws(ImageError) -> ImageConfiguration {
        try JSONDocument.decode(ImageConfiguration.self, from: bytes, what: "image config")
    }
}
