/// An image archive file as users have it, made ready for ``ArchiveMembers``: a compressed one
/// (`docker save img | gzip > img.tar.gz`, which trivy reads too) is decompressed into an unlinked
/// spool first, with the same bound on expansion as a layer; a file that is not a tar at all is
/// refused saying what it looks like, not with a tar header error.
enum ArchiveInput {
    static func prepared(_ file: OpenFile) throws(ImageError) -> OpenFile {
        // One read of the first header serves both questions for a plain tar.
        let head = try prefix(of: file, count: 512)
        let compression = Compression.detect(prefix: Array(head.prefix(4)))
        guard compression != .none else {
            try requireTar(head, named: file.path, compression: compression)
            return file
        }
        let tar = try decompressed(file, compression)
        try requireTar(try prefix(of: tar, count: 512), named: file.path, compression: compression)
        return tar
    }

    private static func prefix(of file: OpenFile, count: Int64) throws(ImageError) -> [UInt8] {
        try file.bytes(FileRegion(file: file, offset: 0, length: min(count, file.size)), limit: count, what: file.path)
    }

    private static func decompressed(_ file: OpenFile, _ compression: Compression) throws(ImageError) -> OpenFile {
        let source = FileRegionStream(FileRegion(wholeFile: file))
        do {
            let stream: any ByteStream = compression == .gzip ? try GzipStream(source, layer: 0) : try ZstdStream(source, layer: 0)
            let bounded = ExpansionGuard(stream, limit: ReadLimits.standard.expansionLimit(storedSize: file.size), layer: 0, storedSize: file.size)
            return try ArchiveSpool.spool(name: file.path) { (buffer) throws(ImageError) -> Int in try bounded.read(into: buffer) }
        } catch {
            // The decompressors speak of layers; here the whole file is what failed.
            switch error {
            case .corruptLayer(_, let reason): throw .notAnImage(path: file.path, reason: "it is \(compression.rawValue)-compressed, but \(reason)")
            case .decompressionBomb(_, _, let limit):
                throw .notAnImage(path: file.path, reason: "it expands beyond \(limit) bytes; refusing a possible decompression bomb")
            default: throw error
            }
        }
    }

    /// Every tar docker, skopeo and buildah write has the POSIX `ustar` magic in its first header.
    private static func requireTar(_ header: [UInt8], named name: String, compression: Compression) throws(ImageError) {
        guard header.count < 263 || !header[257..<262].elementsEqual(Array("ustar".utf8)) else { return }
        let inside = compression == .none ? "it" : "what its \(compression.rawValue) stream holds"
        let text = String(decoding: header.prefix(200), as: UTF8.self).trimmingPrefix { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
        let instruction = text.prefix { $0.isLetter }.uppercased()
        if ["FROM", "ARG", "#"].contains(instruction) || text.hasPrefix("#") {
            throw .notAnImage(path: name, reason: "\(inside) looks like a Dockerfile; give it with --dockerfile and the image as REF")
        }
        throw .notAnImage(path: name, reason: "\(inside) is not a tar archive (docker save, skopeo and buildah write tars)")
    }
}
