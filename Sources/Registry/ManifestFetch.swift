import ContainerImage
import HostSystem
import HTTPTransfer

/// A manifest or index as a registry gave it: the bytes, their media type and their digest (always
/// computed here; `Docker-Content-Digest` is only a hint).
public struct FetchedManifest: Sendable {
    public var bytes: [UInt8]
    public var mediaType: String
    public var digest: Digest

    public var isIndex: Bool { mediaType == MediaTypes.ociIndex || mediaType == MediaTypes.dockerManifestList }
}

extension RegistryClient {
    /// The four manifest types plimsoll reads; schema 1 is not among them.
    static let manifestAccept = [MediaTypes.ociIndex, MediaTypes.dockerManifestList, MediaTypes.ociManifest, MediaTypes.dockerManifest]
        .joined(separator: ", ")
    /// Distribution refuses manifests above 4 MiB; a larger answer is not a manifest.
    static let manifestLimit = 4 << 20

    /// `GET /v2/NAME/manifests/REF`; a reference that is a digest must match the bytes.
    public func manifest(_ repository: String, _ reference: String, expected: Descriptor? = nil) throws(ImageError) -> FetchedManifest {
        var headers = HTTPHeaders()
        headers.set("Accept", Self.manifestAccept)
        let what = "manifest \(repository):\(reference)"
        let (bytes, response) = try document("/v2/\(repository)/manifests/\(reference)", repository: repository, headers: headers,
                                             limit: Self.manifestLimit, what: what)
        let digest = SHA256Hasher.digest(of: bytes)
        if let pinned = try? Digest(parsing: reference), pinned != digest {
            throw .digestMismatch(what: what, expected: pinned.description, actual: digest.description)
        }
        if let expected {
            guard expected.digest == digest else {
                throw .digestMismatch(what: what, expected: expected.digest.description, actual: digest.description)
            }
            guard expected.size == Int64(bytes.count) else { throw .sizeMismatch(what: what, expected: expected.size, actual: Int64(bytes.count)) }
        }
        let mediaType = try Self.mediaType(of: bytes, contentType: response.headers["Content-Type"], what: what)
        return FetchedManifest(bytes: bytes, mediaType: mediaType, digest: digest)
    }

    /// `GET target`'s whole body, refused unless the answer is 200 and at most `limit` bytes.
    func document(_ target: String, repository: String, headers: HTTPHeaders = HTTPHeaders(), limit: Int,
                  what: String) throws(ImageError) -> ([UInt8], HTTPResponse) {
        let response = try send("GET", target, repository: repository, headers: headers)
        guard response.status == 200 else {
            response.discard()
            throw refusal(response, what: what)
        }
        do {
            return (try response.body(limit: limit, what: what), response)
        } catch {
            throw .transfer("\(registry): \(error.description)")
        }
    }

    /// The document's own `mediaType` when it has one, which must agree with `Content-Type` when that
    /// names a manifest type; schema 1 is refused with the way out.
    private static func mediaType(of bytes: [UInt8], contentType: String?, what: String) throws(ImageError) -> String {
        let header = contentType?.split(separator: ";").first.map { String($0.trimmingCharacters(in: " ")) } ?? ""
        struct Probe: Decodable {
            var mediaType: String?
            var schemaVersion: Int?
            var manifests: [Descriptor]?
        }
        let probe = try JSONDocument.decode(Probe.self, from: bytes, what: what)
        if MediaTypes.dockerSchema1.contains(header) || probe.schemaVersion == 1 {
            throw .unsupported("\(what) is Docker schema 1, which is deprecated and carries no config; push the image again with a current Docker or skopeo")
        }
        let known = manifestAccept.split(separator: ",").map { String($0.trimmingCharacters(in: " ")) }
        if let declared = probe.mediaType {
            if known.contains(header), header != declared {
                throw .malformedDocument(what: what, reason: "it says it is \(declared) but was served as \(header)")
            }
            return declared
        }
        if known.contains(header) { return header }
        return probe.manifests != nil ? MediaTypes.ociIndex : MediaTypes.ociManifest
    }

    /// The digest a tag points at now, from `HEAD` (`Docker-Content-Digest`) or, when the registry
    /// gives none, from the bytes of a `GET`.
    public func digest(of repository: String, tag: String) throws(ImageError) -> Digest {
        var headers = HTTPHeaders()
        headers.set("Accept", Self.manifestAccept)
        let response = try send("HEAD", "/v2/\(repository)/manifests/\(tag)", repository: repository, headers: headers)
        response.discard()
        if response.status == 200, let text = response.headers["Docker-Content-Digest"], let digest = try? Digest(parsing: text) {
            return digest
        }
        if response.status == 401 || response.status == 403 { throw refusal(response, what: "manifest \(repository):\(tag)") }
        return try manifest(repository, tag).digest
    }
}
