import HostSystem

/// The proxies curl, Go and Docker honour: `HTTPS_PROXY` for https, `HTTP_PROXY` for http (either
/// case), skipped for hosts `NO_PROXY` lists and always for loopback.
public struct ProxySettings: Sendable, Equatable {
    public var httpsProxy: HTTPURL?
    public var httpProxy: HTTPURL?
    /// `NO_PROXY` entries: `*`, `host`, `.domain`, `host:port`.
    public var exclusions: [String]

    public init(httpsProxy: HTTPURL? = nil, httpProxy: HTTPURL? = nil, exclusions: [String] = []) {
        self.httpsProxy = httpsProxy
        self.httpProxy = httpProxy
        self.exclusions = exclusions
    }

    /// From the environment; a proxy variable that is not a URL is an error rather than a silent direct connection.
    public static func fromEnvironment() throws(HTTPError) -> ProxySettings {
        func url(_ names: [String]) throws(HTTPError) -> HTTPURL? {
            guard let text = names.lazy.compactMap({ Environment.value($0) }).first(where: { !$0.isEmpty }) else { return nil }
            let withScheme = text.contains("://") ? text : "http://" + text
            do {
                return try HTTPURL(parsing: withScheme)
            } catch {
                throw .proxy("\(names[0]) is not a URL")
            }
        }
        let exclusions = (Environment.value("NO_PROXY") ?? Environment.value("no_proxy") ?? "")
            .split(separator: ",").map { String($0.trimmingCharacters(in: " ")).lowercased() }.filter { !$0.isEmpty }
        return ProxySettings(httpsProxy: try url(["HTTPS_PROXY", "https_proxy"]), httpProxy: try url(["HTTP_PROXY", "http_proxy"]),
                             exclusions: exclusions)
    }

    /// The proxy to reach `url` through, or nil to connect directly.
    public func proxy(for url: HTTPURL) -> HTTPURL? {
        guard url.scheme != .unix, !url.isLoopback else { return nil }
        guard let proxy = url.scheme == .https ? httpsProxy : httpProxy else { return nil }
        let host = url.host.lowercased()
        for entry in exclusions {
            if entry == "*" { return nil }
            var name = Substring(entry)
            if let colon = name.lastIndex(of: ":"), !name.contains("]") || name.hasPrefix("[") {
                guard Int(name[name.index(after: colon)...]) == url.port else { continue }
                name = name[..<colon]
            }
            let domain = name.hasPrefix(".") ? name.dropFirst() : name
            if host == domain || host.hasSuffix("." + domain) { return nil }
        }
        return proxy
    }
}
