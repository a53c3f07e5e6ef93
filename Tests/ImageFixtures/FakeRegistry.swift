import Foundation

/// An in-process registry for what CNCF distribution cannot be made to do: it serves one fixture
/// image behind a Bearer token realm and can be told to misbehave (redirect blobs to a second
/// host, rate-limit, lie about digests, ignore `Range`, cut a blob, send schema 1...).
public final class FakeRegistry: @unchecked Sendable {
    public struct Behaviour: Sendable {
        /// Blob GETs answer 307 to this other server (which must serve the blob itself).
        public var redirectBlobsTo: String?
        /// The first manifest GET answers 429 with `Retry-After: 1`.
        public var rateLimitOnce = false
        /// Manifest answers carry Docker Hub's `ratelimit-remaining: N;w=21600`.
        public var pullsRemaining: Int?
        /// `Docker-Content-Digest` names another digest (only a hint: the pull must still work).
        public var wrongDigestHeader = false
        /// The largest layer's first answer stops half-way; later answers ignore `Range`.
        public var cutLargestLayerOnce = false
        /// Replace the tag's manifest with these bytes and this Content-Type.
        public var manifest: (bytes: [UInt8], contentType: String)?
        /// The token realm answers this status instead of a token.
        public var realmStatus: Int?
        /// Every manifest GET answers a redirect to itself.
        public var redirectLoop = false
        /// The manifest answer announces this many bytes (and sends a few).
        public var announcedManifestSize: Int?
        /// The largest layer is sent without end.
        public var endlessLayer = false
        /// The largest layer is replaced by other bytes of the same length.
        public var corruptLargestLayer = false
        /// The repository's tags, served in this order by `tags/list`.
        public var tags: [String] = []
        /// Tags per page, whatever `n` asks, with `Link: rel="next"` to the next page; nil ignores `n`
        /// and sends every tag at once, without a Link.
        public var tagPageSize: Int?
        /// Every page's Link points back at the first page.
        public var tagLinkLoops = false
        /// The server is also an HTTP proxy for this authority (`registry.test:5000`): requests for it
        /// arrive in absolute form (`GET http://registry.test:5000/v2/`) and are answered as the registry.
        public var proxiedAuthority: String?

        public init() {}
    }

    public let server: LocalHTTPServer
    public var host: String { "127.0.0.1:\(server.port)" }
    public let blobs: [String: [UInt8]]
    public let manifest: [UInt8]
    public let manifestDigest: String
    public let largestLayer: String
    static let token = "fake-token-for-tests"

    public init(image: FixtureImage, behaviour: Behaviour = Behaviour()) throws {
        let built = image.blobs()
        blobs = built.blobs
        manifest = built.manifest
        manifestDigest = built.manifestDigest
        largestLayer = built.layerDigests.max { (built.blobs[$0]?.count ?? 0) < (built.blobs[$1]?.count ?? 0) } ?? ""
        server = try LocalHTTPServer(routes: [:])
        let port = server.port
        let state = Counter()
        let (blobs, manifest, manifestDigest, largestLayer) = (blobs, manifest, manifestDigest, largestLayer)
        server.handler = { original in
            var request = original
            if let authority = behaviour.proxiedAuthority, request.path.hasPrefix("http://" + authority + "/") {
                request.path = String(request.path.dropFirst("http://".count + authority.count))
            }
            let bearer = request.headers["authorization"] == "Bearer " + Self.token
            let challenge = [("WWW-Authenticate", "Bearer realm=\"http://127.0.0.1:\(port)/token\",service=\"fake\",scope=\"repository:shop/api:pull\"")]
            if request.path == "/v2/" {
                return .reply(status: bearer ? 200 : 401, headers: challenge, body: [])
            }
            if request.path.hasPrefix("/token") {
                if let status = behaviour.realmStatus { return .reply(status: status, headers: [], body: Array("no".utf8)) }
                return .reply(status: 200, headers: [("Content-Type", "application/json")],
                              body: Array(#"{"token": "\#(Self.token)", "expires_in": 300}"#.utf8))
            }
            guard bearer else { return .reply(status: 401, headers: challenge, body: []) }
            if request.path.hasPrefix("/v2/shop/api/manifests/") {
                if behaviour.redirectLoop { return .reply(status: 307, headers: [("Location", request.path)], body: []) }
                if behaviour.rateLimitOnce, state.next("429") == 0 {
                    return .reply(status: 429, headers: [("Retry-After", "1")], body: [])
                }
                if let size = behaviour.announcedManifestSize {
                    return .reply(status: 200, headers: [("Content-Type", "application/vnd.oci.image.manifest.v1+json"),
                                                         ("Content-Length", String(size))], body: Array(repeating: 0x20, count: 16))
                }
                let (bytes, type) = behaviour.manifest ?? (manifest, "application/vnd.oci.image.manifest.v1+json")
                let digest = behaviour.wrongDigestHeader ? "sha256:" + String(repeating: "0", count: 64) : sha256(bytes)
                let body = request.method == "HEAD" ? [] : bytes
                var headers = [("Content-Type", type), ("Docker-Content-Digest", digest)]
                if let left = behaviour.pullsRemaining { headers.append(("ratelimit-remaining", "\(left);w=21600")) }
                return .reply(status: 200, headers: headers, body: body)
            }
            if request.path.hasPrefix("/v2/shop/api/tags/list") {
                return Self.tagPage(request.path, behaviour)
            }
            if request.path.hasPrefix("/v2/shop/api/blobs/") {
                let digest = String(request.path.dropFirst("/v2/shop/api/blobs/".count))
                guard var blob = blobs[digest] else { return .status(404) }
                if let other = behaviour.redirectBlobsTo {
                    return .reply(status: 307, headers: [("Location", other + "/storage/" + digest)], body: [])
                }
                if digest == largestLayer {
                    if behaviour.endlessLayer { return .endless }
                    if behaviour.corruptLargestLayer { blob = blob.map { $0 ^ 0x5A } }
                    if behaviour.cutLargestLayerOnce, state.next("cut") == 0 {
                        return .reply(status: 200, headers: [], body: blob, sent: blob.count / 2)
                    }
                }
                return .reply(status: 200, headers: [], body: blob)
            }
            return .status(404)
        }
    }

    public func stop() { server.stop() }

    /// One page of the tag list, after `last` when the request names one.
    private static func tagPage(_ target: String, _ behaviour: Behaviour) -> LocalHTTPServer.Response {
        let query = target.split(separator: "?", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
        let last = query.split(separator: "&").first { $0.hasPrefix("last=") }.map { String($0.dropFirst(5)).removingPercentEncoding ?? "" }
        let start = last.flatMap { behaviour.tags.firstIndex(of: $0).map { $0 + 1 } } ?? 0
        let size = behaviour.tagPageSize ?? behaviour.tags.count
        let page = Array(behaviour.tags[min(start, behaviour.tags.count)...].prefix(size))
        var headers = [("Content-Type", "application/json")]
        if behaviour.tagPageSize != nil, let final = page.last, start + page.count < behaviour.tags.count || behaviour.tagLinkLoops {
            let next = behaviour.tagLinkLoops ? "/v2/shop/api/tags/list?n=\(size)" : "/v2/shop/api/tags/list?last=\(final)&n=\(size)"
            headers.append(("Link", "<\(next)>; rel=\"next\""))
        }
        let body = "{\"name\":\"shop/api\",\"tags\":[" + page.map { "\"\($0)\"" }.joined(separator: ",") + "]}"
        return .reply(status: 200, headers: headers, body: Array(body.utf8))
    }

    /// Counts how often each named event has happened, across the server's thread.
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var counts: [String: Int] = [:]

        /// How many times `name` happened before this one.
        func next(_ name: String) -> Int {
            lock.withLock {
                defer { counts[name, default: 0] += 1 }
                return counts[name, default: 0]
            }
        }
    }
}

/// The second host a registry redirects blobs to (object storage): it serves the blobs and
/// records whether any request carried `Authorization`.
public final class BlobStorage: @unchecked Sendable {
    public let server: LocalHTTPServer
    public var base: String { server.base }

    public init(blobs: [String: [UInt8]]) throws {
        server = try LocalHTTPServer(routes: [:])
        server.handler = { request in
            guard request.path.hasPrefix("/storage/"), let blob = blobs[String(request.path.dropFirst("/storage/".count))] else { return .status(404) }
            return .reply(status: 200, headers: [], body: blob)
        }
    }

    public var sawAuthorization: Bool { server.requests.contains { $0.headers["authorization"] != nil } }
    public var requestCount: Int { server.requests.count }
}
