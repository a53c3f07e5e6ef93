import CLibcrypto
import Foundation

public func sha256(_ bytes: [UInt8]) -> String {
    var digest = [UInt8](repeating: 0, count: 32)
    var length: UInt32 = 0
    let context = EVP_MD_CTX_new()
    EVP_DigestInit_ex(context, EVP_sha256(), nil)
    bytes.withUnsafeBytes { _ = EVP_DigestUpdate(context, $0.baseAddress, $0.count) }
    EVP_DigestFinal_ex(context, &digest, &length)
    EVP_MD_CTX_free(context)
    let digits = Array("0123456789abcdef".utf8)
    return "sha256:" + String(decoding: digest.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }, as: UTF8.self)
}

/// An image built in a test: layers (as tars), history and config, written in any transport.
public struct FixtureImage {
    public enum Compression: Sendable { case none, gzip, zstd }

    public struct Layer {
        public var tar: [UInt8]
        public var compression: Compression
        public var createdBy: String

        public init(_ tar: TarBuilder, compression: Compression = .gzip, createdBy: String) {
            self.tar = tar.archive
            self.compression = compression
            self.createdBy = createdBy
        }

        public var blob: [UInt8] {
            switch compression {
            case .none: tar
            case .gzip: Compressor.gzip(tar)
            case .zstd: Compressor.zstd(tar)
            }
        }

        var mediaType: String {
            switch compression {
            case .none: "application/vnd.oci.image.layer.v1.tar"
            case .gzip: "application/vnd.oci.image.layer.v1.tar+gzip"
            case .zstd: "application/vnd.oci.image.layer.v1.tar+zstd"
            }
        }
    }

    public var layers: [Layer]
    /// Extra history entries with `empty_layer` after the layers (`ENV`, `CMD`…).
    public var emptyHistory: [String] = []
    public var architecture = "amd64"
    public var user: String?
    public var environment = ["PATH=/usr/bin:/bin"]
    public var exposedPorts: [String] = []
    /// The config's `created` date.
    public var created = "2026-11-01T00:00:00Z"
    /// The manifest's annotations (none when empty).
    public var annotations: [String: String] = [:]

    public init(layers: [Layer]) { self.layers = layers }

    public var configJSON: [UInt8] {
        var history: [[String: Any]] = layers.map { ["created_by": $0.createdBy, "created": "2026-11-01T00:00:00Z"] }
        history += emptyHistory.map { ["created_by": $0, "empty_layer": true] }
        var config: [String: Any] = ["Env": environment, "Cmd": ["sh"]]
        if let user { config["User"] = user }
        if !exposedPorts.isEmpty { config["ExposedPorts"] = Dictionary(uniqueKeysWithValues: exposedPorts.map { ($0, [String: Any]()) }) }
        let document: [String: Any] = [
            "architecture": architecture, "os": "linux", "created": created,
            "config": config,
            "rootfs": ["type": "layers", "diff_ids": layers.map { sha256($0.tar) }],
            "history": history,
        ]
        return Self.json(document)
    }

    /// A minimal valid config for hand-built layers.
    public static func configFor(diffIDs: [String]) -> [UInt8] {
        json(["architecture": "amd64", "os": "linux", "rootfs": ["type": "layers", "diff_ids": diffIDs],
              "history": diffIDs.map { _ in ["created_by": "test"] }] as [String: Any])
    }

    static func json(_ object: Any) -> [UInt8] {
        [UInt8]((try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data())
    }

    /// Blobs by digest, and the manifest's digest and bytes.
    public func blobs() -> (blobs: [String: [UInt8]], manifest: [UInt8], manifestDigest: String, layerDigests: [String]) {
        var blobs: [String: [UInt8]] = [:]
        let config = configJSON
        blobs[sha256(config)] = config
        var descriptors: [[String: Any]] = []
        var digests: [String] = []
        for layer in layers {
            let blob = layer.blob
            let digest = sha256(blob)
            blobs[digest] = blob
            digests.append(digest)
            descriptors.append(["mediaType": layer.mediaType, "digest": digest, "size": blob.count])
        }
        var document: [String: Any] = [
            "schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
            "config": ["mediaType": "application/vnd.oci.image.config.v1+json", "digest": sha256(config), "size": config.count],
            "layers": descriptors,
        ]
        if !annotations.isEmpty { document["annotations"] = annotations }
        let manifest = Self.json(document)
        let digest = sha256(manifest)
        blobs[digest] = manifest
        return (blobs, manifest, digest, digests)
    }

    /// An OCI layout directory; `tag` goes into index.json's ref.name annotation.
    @discardableResult
    public func writeOCILayout(to directory: URL, tag: String? = "latest") throws -> String {
        let (blobs, manifest, digest, _) = blobs()
        var descriptor: [String: Any] = ["mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": digest, "size": manifest.count]
        if let tag { descriptor["annotations"] = ["org.opencontainers.image.ref.name": tag] }
        try Self.writeLayout(blobs: blobs, index: ["schemaVersion": 2, "manifests": [descriptor]], to: directory)
        return digest
    }

    /// A multi-platform layout: index.json → a nested image index → one manifest per image (its
    /// `architecture`, with `variant` when given), plus a BuildKit attestation manifest that must be skipped.
    /// Returns the manifests' digests in order.
    @discardableResult
    public static func writeMultiPlatformLayout(_ images: [(FixtureImage, variant: String?)], to directory: URL) throws -> [String] {
        var blobs: [String: [UInt8]] = [:]
        var descriptors: [[String: Any]] = []
        var digests: [String] = []
        for (image, variant) in images {
            let written = image.blobs()
            blobs.merge(written.blobs) { first, _ in first }
            var platform = ["os": "linux", "architecture": image.architecture]
            if let variant { platform["variant"] = variant }
            descriptors.append(["mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": written.manifestDigest,
                                "size": written.manifest.count, "platform": platform])
            digests.append(written.manifestDigest)
        }
        if let first = descriptors.first {
            var attestation = first
            attestation["platform"] = ["os": "unknown", "architecture": "unknown"]
            attestation["annotations"] = ["vnd.docker.reference.type": "attestation-manifest"]
            descriptors.append(attestation)
        }
        let nested = json(["schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json", "manifests": descriptors] as [String: Any])
        blobs[sha256(nested)] = nested
        try writeLayout(blobs: blobs, index: ["schemaVersion": 2, "manifests": [[
            "mediaType": "application/vnd.oci.image.index.v1+json", "digest": sha256(nested), "size": nested.count]]], to: directory)
        return digests
    }

    public static func writeLayout(blobs: [String: [UInt8]], index: [String: Any], to directory: URL) throws {
        let blobDirectory = directory.appendingPathComponent("blobs/sha256")
        try FileManager.default.createDirectory(at: blobDirectory, withIntermediateDirectories: true)
        for (digest, bytes) in blobs {
            FileManager.default.createFile(atPath: blobDirectory.path + "/" + digest.dropFirst(7), contents: Data(bytes))
        }
        try Data(json(["imageLayoutVersion": "1.0.0"])).write(to: directory.appendingPathComponent("oci-layout"))
        try Data(json(index)).write(to: directory.appendingPathComponent("index.json"))
    }

    /// `docker save` output: legacy (`<id>/layer.tar` symlinked to `<hex>.tar`, as skopeo writes) or Docker 25+ (an OCI layout plus manifest.json).
    public func dockerArchive(modern: Bool = false, repoTag: String = "fixture:latest") -> [UInt8] {
        var tar = TarBuilder()
        let config = configJSON
        let configHex = String(sha256(config).dropFirst(7))
        if modern {
            let (blobs, manifest, digest, layerDigests) = blobs()
            tar.directory("blobs")
            tar.directory("blobs/sha256")
            for (digest, bytes) in blobs.sorted(by: { $0.key < $1.key }) { tar.file("blobs/sha256/" + digest.dropFirst(7), bytes) }
            tar.file("oci-layout", Self.json(["imageLayoutVersion": "1.0.0"]))
            tar.file("index.json", Self.json(["schemaVersion": 2, "manifests": [["mediaType": "application/vnd.oci.image.manifest.v1+json",
                                                                                  "digest": digest, "size": manifest.count]]]))
            tar.file("manifest.json", Self.json([["Config": "blobs/sha256/" + configHex, "RepoTags": [repoTag],
                                                  "Layers": layerDigests.map { "blobs/sha256/" + $0.dropFirst(7) }]]))
            return tar.archive
        }
        var layerPaths: [String] = []
        for (position, layer) in layers.enumerated() {
            let hex = String(sha256(layer.tar).dropFirst(7))
            tar.file(hex + ".tar", layer.tar)
            let id = String(repeating: String(position), count: 64).prefix(64)
            tar.directory(String(id))
            tar.symlink("\(id)/layer.tar", to: "../\(hex).tar")
            layerPaths.append("\(id)/layer.tar")
        }
        tar.file(configHex + ".json", config)
        tar.file("manifest.json", Self.json([["Config": configHex + ".json", "RepoTags": [repoTag], "Layers": layerPaths]]))
        return tar.archive
    }

    /// An OCI layout as a tar.
    public func ociArchive(tag: String = "latest") -> [UInt8] {
        let (blobs, manifest, digest, _) = blobs()
        var tar = TarBuilder()
        tar.file("oci-layout", Self.json(["imageLayoutVersion": "1.0.0"]))
        tar.file("index.json", Self.json(["schemaVersion": 2, "manifests": [["mediaType": "application/vnd.oci.image.manifest.v1+json",
                                                                              "digest": digest, "size": manifest.count,
                                                                              "annotations": ["org.opencontainers.image.ref.name": tag]]]]))
        for (digest, bytes) in blobs.sorted(by: { $0.key < $1.key }) { tar.file("blobs/sha256/" + digest.dropFirst(7), bytes) }
        return tar.archive
    }
}

/// A temporary directory removed when the value goes away.
public final class TemporaryDirectory {
    public let url: URL

    public init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("plimsoll-image-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public func write(_ bytes: [UInt8], to name: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file.path
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
