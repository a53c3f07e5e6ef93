/// Why an HTTP exchange failed. Every case is one line a user can act on; none carries a credential.
public enum HTTPError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidURL(String)
    case cannotConnect(host: String, reason: String)
    case timedOut(String)
    case tls(host: String, reason: String)
    /// The peer closed or reset the connection before the exchange was complete.
    case connectionLost(String)
    case malformedResponse(String)
    case tooManyRedirects(String)
    case proxy(String)
    case tooLarge(String)

    public var description: String {
        switch self {
        case .invalidURL(let reason): "invalid URL: \(reason)"
        case .cannotConnect(let host, let reason): "cannot connect to \(host): \(reason)"
        case .timedOut(let what): "timed out \(what)"
        case .tls(let host, let reason): "TLS with \(host) failed: \(reason)"
        case .connectionLost(let what): "the connection was lost \(what)"
        case .malformedResponse(let reason): "malformed HTTP response: \(reason)"
        case .tooManyRedirects(let url): "more than 10 redirects, last to \(url)"
        case .proxy(let reason): "proxy: \(reason)"
        case .tooLarge(let what): "\(what) is too large"
        }
    }

    /// Worth another try: the server or the path to it may recover.
    public var isTransient: Bool {
        switch self {
        case .timedOut, .connectionLost, .cannotConnect: true
        default: false
        }
    }
}
