/// Reads what `docker save` and `skopeo copy … docker-archive:` write: `manifest.json`, a config
/// and layer tars (legacy `<id>/layer.tar`, often symbolic links, or Docker 25+'s `blobs/sha256/…`).
struct DockerArchiveResolver {
    let members: ArchiveMembers

    func resolve(tag: String?, reference: String) throws(ImageError) -> Image {
        let path = members.file.path
        guard let manifestRegion = try members.region("manifest.json") else { throw .notAnImage(path: path, reason: "no manifest.json") }
        let bytes = try members.file.bytes(manifestRegion, limit: JSONDocument.sizeLimit, what: "manifest.json")
        let entries = try JSONDocument.decode([DockerArchiveEntry].self, from: bytes, what: "manifest.json")
        let entry: DockerArchiveEntry
        if let tag {
            guard let match = entries.first(where: { $0.repoTags?.contains { Self.sameName($0, tag) } == true }) else {
                throw .notAnImage(path: path, reason: "no image tagged `\(tag)` (tags: \(Self.tags(entries)))")
            }
            entry = match
        } else if entries.count == 1 {
            entry = entries[0]
        } else {
            throw .notAnImage(path: path, reason: entries.isEmpty
                ? "manifest.json lists no image"
                : "it holds \(entries.count) images; name one as docker-archive:FILE:TAG (tags: \(Self.tags(entries)))")
        }
        guard let configRegion = try members.region(entry.config) else { throw .missingBlob(what: "config file `\(entry.config)`") }
        let configBytes = try members.file.bytes(configRegion, limit: JSONDocument.sizeLimit, what: "image config")
        let configDigest = SHA256Hasher.digest(of: configBytes)
        if let named = Self.digest(named: entry.config), named != configDigest {
            throw .digestMismatch(what: "image config", expected: named.description, actual: configDigest.description)
        }
        let configuration = try JSONDocument.decode(ImageConfiguration.self, from: configBytes, what: "image config")
        let diffIDs = try ImageLoader.diffIDs(configuration, layerCount: entry.layers.count)
        var layers: [LayerBlob] = []
        for (position, layerPath) in entry.layers.enumerated() {
            guard let region = try members.region(layerPath) else { throw .missingBlob(what: "layer file `\(layerPath)`") }
            let digest = Self.digest(named: layerPath)
            let source = digest.flatMap { entry.layerSources?[$0.description] }
            layers.append(LayerBlob(index: position, mediaType: source?.mediaType, digest: digest, storedSize: region.length,
                                    diffID: diffIDs[position], content: .file(region)))
        }
        return Image(reference: reference, transport: "docker-archive", manifestDigest: nil, configDigest: configDigest,
                     configuration: configuration, layers: layers)
    }

    /// The digest a member path spells out: `blobs/sha256/HEX`, `HEX.json`, `HEX.tar`.
    static func digest(named path: String) -> Digest? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var hex = Substring(name)
        for suffix in [".json", ".tar"] where hex.hasSuffix(suffix) { hex = hex.dropLast(suffix.count) }
        return try? Digest(parsing: "sha256:" + hex)
    }

    /// `audit/min:bookworm` is `docker.io/audit/min:bookworm`, as docker normalises names.
    private static func sameName(_ stored: String, _ wanted: String) -> Bool {
        guard stored != wanted else { return true }
        guard let storedName = try? RegistryReference(parsing: stored), let wantedName = try? RegistryReference(parsing: wanted) else { return false }
        return storedName == wantedName
    }

    private static func tags(_ entries: [DockerArchiveEntry]) -> String {
        let tags = entries.flatMap { $0.repoTags ?? [] }
        return tags.isEmpty ? "none" : tags.joined(separator: ", ")
    }
}
