/// Picks one image out of an OCI layout: by tag, then by platform through nested indexes.
struct LayoutResolver {
    let store: any BlobStore
    let platform: Platform?

    func resolve(tag: String?, reference: String, transport: String) throws(ImageError) -> Image {
        guard let indexRegion = try store.file("index.json") else {
            throw .notAnImage(path: store.location, reason: "no index.json")
        }
        let indexBytes = try indexRegion.file.bytes(indexRegion, limit: JSONDocument.sizeLimit, what: "index.json")
        let index = try JSONDocument.decode(ImageIndex.self, from: indexBytes, what: "index.json")
        var candidates = index.manifests
        if let tag {
            candidates = candidates.filter { $0.referenceName == tag || $0.referenceName?.hasSuffix(":" + tag) == true }
            guard !candidates.isEmpty else {
                let tags = index.manifests.compactMap(\.referenceName)
                throw .notAnImage(path: store.location, reason: "no image tagged `\(tag)` (tags: \(tags.isEmpty ? "none" : tags.joined(separator: ", ")))")
            }
        }
        let store = store
        let (manifestDigest, manifest) = try IndexSelection(platform: platform, location: store.location).select(from: candidates) {
            (descriptor) throws(ImageError) -> [UInt8] in try store.document(descriptor, what: descriptor.isIndex ? "image index" : "image manifest")
        }
        let configBytes = try store.document(manifest.config, what: "image config")
        let configuration = try JSONDocument.decode(ImageConfiguration.self, from: configBytes, what: "image config")
        let diffIDs = try ImageLoader.diffIDs(configuration, layerCount: manifest.layers.count)
        var layers: [LayerBlob] = []
        for (position, descriptor) in manifest.layers.enumerated() {
            guard let region = try store.blob(descriptor.digest) else {
                if let url = descriptor.urls?.first {
                    throw .unsupported("layer \(position) is a foreign layer stored at \(url), which plimsoll does not download")
                }
                throw .missingBlob(what: "blob for layer \(position) (\(descriptor.digest))")
            }
            guard region.length == descriptor.size else {
                throw .sizeMismatch(what: "layer \(position)", expected: descriptor.size, actual: region.length)
            }
            layers.append(LayerBlob(index: position, mediaType: descriptor.mediaType, digest: descriptor.digest,
                                    storedSize: region.length, diffID: diffIDs[position], content: .file(region)))
        }
        var image = Image(reference: reference, transport: transport, manifestDigest: manifestDigest,
                          configDigest: manifest.config.digest, configuration: configuration, layers: layers)
        image.annotations = manifest.annotations ?? [:]
        return image
    }
}
