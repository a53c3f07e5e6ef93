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
        let (manifestDigest, manifest) = try select(from: candidates, depth: 0)
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
                                    storedSize: region.length, diffID: diffIDs[position], region: region))
        }
        return Image(reference: reference, transport: transport, manifestDigest: manifestDigest,
                     configDigest: manifest.config.digest, configuration: configuration, layers: layers)
    }

    /// Follows indexes down to one manifest; an index may nest another, but not endlessly.
    private func select(from candidates: [Descriptor], depth: Int) throws(ImageError) -> (Digest, ImageManifest) {
        guard depth < 4 else { throw .unsupported("indexes nested more than 4 deep") }
        let images = candidates.filter { !$0.isAttestation }
        let chosen: Descriptor
        if images.count == 1 {
            chosen = images[0]
        } else if images.isEmpty {
            throw .notAnImage(path: store.location, reason: "the index lists no image")
        } else {
            let wanted = platform ?? .linuxAMD64
            if let match = images.first(where: { $0.platform?.satisfies(wanted) == true }) {
                chosen = match
            } else if images.allSatisfy({ $0.platform == nil }) {
                let tags = images.compactMap(\.referenceName)
                throw .notAnImage(path: store.location,
                                  reason: "it holds \(images.count) images; name one as oci:DIR:TAG (tags: \(tags.isEmpty ? "none" : tags.joined(separator: ", ")))")
            } else {
                throw .noMatchingPlatform(wanted: wanted.description, available: images.compactMap { $0.platform?.description })
            }
        }
        let bytes = try store.document(chosen, what: chosen.isIndex ? "image index" : "image manifest")
        if chosen.isIndex {
            let nested = try JSONDocument.decode(ImageIndex.self, from: bytes, what: "image index")
            return try select(from: nested.manifests, depth: depth + 1)
        }
        let manifest = try JSONDocument.decode(ImageManifest.self, from: bytes, what: "image manifest")
        return (chosen.digest, manifest)
    }
}
