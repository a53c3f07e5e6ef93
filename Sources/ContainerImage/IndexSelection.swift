/// Follows an index (and any index it nests) down to the one image manifest for a platform: the
/// same choice for a layout on disk and a registry, which differ only in how a document is fetched.
public struct IndexSelection: Sendable {
    public var platform: Platform?
    /// Where the index is, for messages.
    public var location: String

    public init(platform: Platform?, location: String) {
        self.platform = platform
        self.location = location
    }

    /// `fetch` returns a descriptor's document, checked against its digest and size.
    public func select(from candidates: [Descriptor],
                       fetch: (Descriptor) throws(ImageError) -> [UInt8]) throws(ImageError) -> (Digest, ImageManifest) {
        try select(from: candidates, depth: 0, fetch: fetch)
    }

    private func select(from candidates: [Descriptor], depth: Int,
                        fetch: (Descriptor) throws(ImageError) -> [UInt8]) throws(ImageError) -> (Digest, ImageManifest) {
        guard depth < 4 else { throw .unsupported("indexes nested more than 4 deep") }
        let images = candidates.filter { !$0.isAttestation }
        let chosen: Descriptor
        if images.count == 1 {
            chosen = images[0]
        } else if images.isEmpty {
            throw .notAnImage(path: location, reason: "the index lists no image")
        } else {
            let wanted = platform ?? .linuxAMD64
            if let match = images.first(where: { $0.platform?.satisfies(wanted) == true }) {
                chosen = match
            } else if images.allSatisfy({ $0.platform == nil }) {
                let tags = images.compactMap(\.referenceName)
                throw .notAnImage(path: location,
                                  reason: "it holds \(images.count) images; name one as oci:DIR:TAG (tags: \(tags.isEmpty ? "none" : tags.joined(separator: ", ")))")
            } else {
                throw .noMatchingPlatform(wanted: wanted.description, available: images.compactMap { $0.platform?.description })
            }
        }
        let bytes = try fetch(chosen)
        if chosen.isIndex {
            let nested = try JSONDocument.decode(ImageIndex.self, from: bytes, what: "image index")
            return try select(from: nested.manifests, depth: depth + 1, fetch: fetch)
        }
        let manifest = try JSONDocument.decode(ImageManifest.self, from: bytes, what: "image manifest")
        return (chosen.digest, manifest)
    }
}
