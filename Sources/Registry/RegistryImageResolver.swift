import ContainerImage
import HTTPTransfer

/// Reads an image from a registry into the same ``Image`` the file transports give: manifest (through
/// an index to the platform asked for), config, and layers that download as they are read — or come
/// from the blob cache, already verified.
public struct RegistryImageResolver: Sendable {
    /// The `Image.transport` of what it resolves.
    public static let transport = "registry"

    public let client: RegistryClient
    public let cache: BlobCache?
    public let platform: Platform?

    public init(client: RegistryClient, cache: BlobCache?, platform: Platform?) {
        self.client = client
        self.cache = cache
        self.platform = platform
    }

    public func resolve(_ reference: RegistryReference, as written: String) throws(ImageError) -> RemoteImage {
        let repository = reference.repository
        let top = try client.manifest(repository, reference.manifestReference)
        let manifestDigest: Digest
        let manifest: ImageManifest
        if top.isIndex {
            let index = try ImageIndex.decode(top.bytes)
            let client = client
            (manifestDigest, manifest) = try IndexSelection(platform: platform, location: reference.description).select(from: index.manifests) {
                (descriptor) throws(ImageError) -> [UInt8] in
                guard descriptor.digest != top.digest else {
                    throw .malformedDocument(what: "image index \(reference)", reason: "it lists itself")
                }
                return try client.manifest(repository, descriptor.digest.description, expected: descriptor).bytes
            }
        } else {
            manifestDigest = top.digest
            manifest = try ImageManifest.decode(top.bytes)
        }
        guard manifest.layers.count <= 4096 else {
            throw .unsupported("\(reference) has \(manifest.layers.count) layers; images have at most 127")
        }
        let configBytes = try blobDocument(repository, manifest.config, what: "image config")
        let configuration = try ImageConfiguration.decode(configBytes)
        let diffIDs = try ImageLoader.diffIDs(configuration, layerCount: manifest.layers.count)
        var layers: [LayerBlob] = []
        for (position, descriptor) in manifest.layers.enumerated() {
            if descriptor.urls?.isEmpty == false, descriptor.mediaType?.contains("nondistributable") == true {
                throw .unsupported("layer \(position) is a foreign layer stored at \(descriptor.urls?.first ?? "?"), which plimsoll does not download")
            }
            let content: LayerContent
            if let file = cache?.file(descriptor.digest, size: descriptor.size) {
                content = .file(FileRegion(wholeFile: file))
            } else {
                content = .download(RegistryBlob(client: client, repository: repository, descriptor: descriptor, what: "layer \(position)", cache: cache))
            }
            layers.append(LayerBlob(index: position, mediaType: descriptor.mediaType, digest: descriptor.digest, storedSize: descriptor.size,
                                    diffID: diffIDs[position], content: content))
        }
        var image = Image(reference: written, transport: Self.transport, manifestDigest: manifestDigest, configDigest: manifest.config.digest,
                          configuration: configuration, layers: layers)
        image.annotations = manifest.annotations ?? [:]
        return RemoteImage(image: image, reference: reference.with(tag: reference.tag, digest: top.digest), indexDigest: top.isIndex ? top.digest : nil)
    }

    /// A small blob (the config), from the cache or the registry, checked against its descriptor.
    func blobDocument(_ repository: String, _ descriptor: Descriptor, what: String) throws(ImageError) -> [UInt8] {
        guard descriptor.size <= JSONDocument.sizeLimit else { throw .tooLarge(what: what, limit: JSONDocument.sizeLimit) }
        if let file = cache?.file(descriptor.digest, size: descriptor.size),
           let bytes = try? file.bytes(FileRegion(wholeFile: file), limit: JSONDocument.sizeLimit, what: what),
           SHA256Hasher.digest(of: bytes) == descriptor.digest {
            return bytes
        }
        let stream = try RegistryBlob(client: client, repository: repository, descriptor: descriptor, what: what, cache: cache).open()
        return try Self.readAll(stream, size: descriptor.size)
    }

    private static func readAll(_ stream: any ByteStream, size: Int64) throws(ImageError) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(size))
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = try stream.read(into: buffer)
            if count == 0 { return bytes }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[..<count]))
        }
    }
}

/// An image read from a registry and where exactly it came from.
public struct RemoteImage: Sendable {
    public var image: Image
    /// The reference with the digest the tag resolved to (the index's, for a multi-platform image).
    public var reference: RegistryReference
    public var indexDigest: Digest?
}
