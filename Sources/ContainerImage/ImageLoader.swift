/// Opens an image from any supported location and returns the transport-agnostic ``Image``.
public enum ImageLoader {
    public static func load(_ reference: String, platform: Platform? = nil) throws(ImageError) -> Image {
        try checked(resolve(reference, platform: platform), platform: platform)
    }

    /// An image chosen without an index (one manifest, a docker-archive) must still be what was asked for.
    public static func checked(_ image: Image, platform: Platform?) throws(ImageError) -> Image {
        if let platform, let actual = image.platform, !actual.satisfies(platform) {
            throw .noMatchingPlatform(wanted: platform.description, available: [actual.description])
        }
        return image
    }

    private static func resolve(_ reference: String, platform: Platform?) throws(ImageError) -> Image {
        switch try ImageLocation(parsing: reference) {
        case .dockerArchive(let path, let tag):
            return try DockerArchiveResolver(members: ArchiveMembers(file: ArchiveInput.prepared(OpenFile(path: path)))).resolve(tag: tag, reference: reference)
        case .ociLayout(let path, let tag):
            return try LayoutResolver(store: LayoutDirectory(root: path), platform: platform)
                .resolve(tag: tag, reference: reference, transport: "oci")
        case .ociArchive(let path, let tag):
            return try LayoutResolver(store: LayoutArchive(members: ArchiveMembers(file: ArchiveInput.prepared(OpenFile(path: path)))), platform: platform)
                .resolve(tag: tag, reference: reference, transport: "oci-archive")
        case .standardInput:
            return try archive(ArchiveSpool.spool(), reference: reference, platform: platform)
        case .registry(let name), .daemon(let name):
            throw .unsupported("`\(name)` is read over the network, which this file-only loader does not do")
        case .sniffed(let path):
            if ImageLocation.isDirectory(path) {
                return try LayoutResolver(store: LayoutDirectory(root: path), platform: platform)
                    .resolve(tag: nil, reference: reference, transport: "oci")
            }
            return try archive(OpenFile(path: path), reference: reference, platform: platform)
        }
    }

    /// A tar that is either a docker-archive (it has `manifest.json`; Docker 25+ also adds an OCI layout) or an oci-archive.
    public static func archive(_ file: OpenFile, reference: String, platform: Platform?) throws(ImageError) -> Image {
        let members = try ArchiveMembers(file: ArchiveInput.prepared(file))
        if members.contains("manifest.json") {
            return try DockerArchiveResolver(members: members).resolve(tag: nil, reference: reference)
        }
        if members.contains("index.json") {
            return try LayoutResolver(store: LayoutArchive(members: members), platform: platform)
                .resolve(tag: nil, reference: reference, transport: "oci-archive")
        }
        throw .notAnImage(path: file.path, reason: "it has neither manifest.json nor index.json")
    }

    /// The config's `rootfs.diff_ids`, one per layer.
    public static func diffIDs(_ configuration: ImageConfiguration, layerCount: Int) throws(ImageError) -> [Digest] {
        guard configuration.rootfs.diffIDs.count == layerCount else {
            throw .malformedDocument(what: "image config", reason: "it lists \(configuration.rootfs.diffIDs.count) diff_ids for \(layerCount) layers")
        }
        var digests: [Digest] = []
        for text in configuration.rootfs.diffIDs { digests.append(try Digest(parsing: text)) }
        return digests
    }
}
