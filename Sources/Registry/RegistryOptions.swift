import ContainerImage
import HTTPTransfer

/// How to reach registries: which hosts may use plain HTTP, where credentials are, what the network
/// allows, and how patient to be.
public struct RegistryOptions: Sendable {
    /// `--insecure-registry HOST`: plain HTTP (and unverified fallback) allowed; loopback always is.
    public var insecureHosts: Set<String>
    public var credentials: CredentialStore
    public var http: HTTPSettings
    /// Attempts for one request when the server answers 408, 429 or 5xx or the connection fails.
    public var attempts: Int
    /// The longest wait between attempts, whatever `Retry-After` asks for.
    public var longestRetryWait: Double
    /// Seconds one blob may take in all, so a server that trickles bytes cannot stall a scan forever.
    public var blobTimeLimit: Double

    public init(insecureHosts: Set<String> = [], credentials: CredentialStore = CredentialStore(), http: HTTPSettings = HTTPSettings(),
                attempts: Int = 4, longestRetryWait: Double = 30, blobTimeLimit: Double = 1800) {
        self.insecureHosts = insecureHosts
        self.credentials = credentials
        self.http = http
        self.attempts = attempts
        self.longestRetryWait = longestRetryWait
        self.blobTimeLimit = blobTimeLimit
    }

    func allowsPlainHTTP(_ registry: String, apiHost: String) -> Bool {
        HTTPURL.isLoopback(host: Self.hostPart(apiHost)) || insecureHosts.contains(registry) || insecureHosts.contains(apiHost)
    }

    /// `host:port` → `host`; `[::1]:5000` → `::1`.
    static func hostPart(_ authority: String) -> String {
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            return String(authority[authority.index(after: authority.startIndex)..<close])
        }
        return authority.split(separator: ":").first.map(String.init) ?? authority
    }
}
