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
    let region: FileRegion
}

/// One image, whatever it was read from: everything downstream works on this.
public struct Image: Sendable {
    /// The reference as the user wrote it.
    public var reference: String
    /// `docker-archive`, `oci` or `oci-archive`.
    public var transport: String
    /// The manifest's digest, when the source stores a manifest (not legacy docker-archives).
    public var manifestDigest: Digest?
    public var configDigest: Digest
    public var configuration: ImageConfiguration
    public var layers: [LayerBlob]

    public var platform: Platform? { configuration.platform }
}
