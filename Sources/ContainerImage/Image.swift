/// A filesystem layer as the image describes it, with the bytes to read it from.
public struct LayerBlob: Sendable {
    /// 0-based among filesystem layers.
    public var index: Int
    public var mediaType: String?
    /// The blob's digest when the source names one (OCI layouts, Docker 25+ archives).
    public var digest: Digest?
    /// Bytes of the blob as stored (compressed when the layer is compressed).
    public var storedSize: Int64
    /// The digest of the uncompressed tar, from the config's `rootfs.diff_ids`.
    public var diffID: Digest
    public var content: LayerContent

    public init(index: Int, mediaType: String?, digest: Digest?, storedSize: Int64, diffID: Digest, content: LayerContent) {
        self.index = index
        self.mediaType = mediaType
        self.digest = digest
        self.storedSize = storedSize
        self.diffID = diffID
        self.content = content
    }
}

/// Where a layer's stored bytes are: a region of a local file, or a download the transport starts
/// when the layer is read, so a registry layer streams through the same pipeline as a file.
public enum LayerContent: Sendable {
    case file(FileRegion)
    case download(any BlobDownload)
}

/// A blob fetched while it is read. The transport checks the size and digest as the bytes pass and
/// throws at the end of the stream when they are wrong, so the reader does not hash it again.
public protocol BlobDownload: Sendable {
    func open() throws(ImageError) -> any ByteStream
}

/// One image, whatever it was read from: everything downstream works on this.
public struct Image: Sendable {
    public init(reference: String, transport: String, manifestDigest: Digest?, configDigest: Digest,
                configuration: ImageConfiguration, layers: [LayerBlob]) {
        self.reference = reference
        self.transport = transport
        self.manifestDigest = manifestDigest
        self.configDigest = configDigest
        self.configuration = configuration
        self.layers = layers
    }

    /// The reference as the user wrote it.
    public var reference: String
    /// `docker-archive`, `oci`, `oci-archive`, `registry` or `docker-daemon`.
    public var transport: String
    /// The manifest's digest, when the source stores a manifest (not legacy docker-archives).
    public var manifestDigest: Digest?
    public var configDigest: Digest
    public var configuration: ImageConfiguration
    public var layers: [LayerBlob]
    /// For registry and engine images: registry, repository, tag and the digest that was read.
    public var resolved: RegistryReference?
    /// The manifest's annotations (`org.opencontainers.image.base.name`, `…base.digest`).
    public var annotations: [String: String] = [:]
    /// What the transport wants the user to know that does not stop the read (Docker Hub's pull quota running low).
    public var notices: [String] = []

    public var platform: Platform? { configuration.platform }
}
