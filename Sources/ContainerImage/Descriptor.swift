/// An OCI content descriptor: what a manifest or index says about a blob.
public struct Descriptor: Sendable, Decodable {
    public var mediaType: String?
    public var digest: Digest
    public var size: Int64
    public var platform: Platform?
    public var annotations: [String: String]?
    /// Set on non-distributable ("foreign") layers that live elsewhere.
    public var urls: [String]?

    enum CodingKeys: String, CodingKey {
        case mediaType, digest, size, platform, annotations, urls
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        mediaType = try container.decodeIfPresent(String.self, forKey: .mediaType)
        let digestText = try container.decode(String.self, forKey: .digest)
        do {
            digest = try Digest(parsing: digestText)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .digest, in: container, debugDescription: error.description)
        }
        size = try container.decode(Int64.self, forKey: .size)
        guard size >= 0 else {
            throw DecodingError.dataCorruptedError(forKey: .size, in: container, debugDescription: "a blob size cannot be negative")
        }
        platform = try container.decodeIfPresent(Platform.self, forKey: .platform)
        annotations = try container.decodeIfPresent([String: String].self, forKey: .annotations)
        urls = try container.decodeIfPresent([String].self, forKey: .urls)
    }

    /// The tag an index entry carries (`org.opencontainers.image.ref.name`).
    var referenceName: String? { annotations?["org.opencontainers.image.ref.name"] }

    public var isIndex: Bool {
        mediaType == MediaTypes.ociIndex || mediaType == MediaTypes.dockerManifestList
    }

    /// BuildKit stores provenance and SBOM attestations as manifests with platform unknown/unknown.
    var isAttestation: Bool {
        annotations?["vnd.docker.reference.type"] == "attestation-manifest" || platform?.os == "unknown"
    }
}

public enum MediaTypes {
    public static let ociIndex = "application/vnd.oci.image.index.v1+json"
    public static let dockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json"
    public static let ociManifest = "application/vnd.oci.image.manifest.v1+json"
    public static let dockerManifest = "application/vnd.docker.distribution.manifest.v2+json"
    /// Docker's signed schema 1, long deprecated: no config, no diff_ids.
    public static let dockerSchema1 = ["application/vnd.docker.distribution.manifest.v1+json",
                                       "application/vnd.docker.distribution.manifest.v1+prettyjws"]
}
