/// An `http` or `https` URL split into what a request needs; `unix` names a socket path instead of a
/// host (the Docker Engine API), with the request target after it.
public struct HTTPURL: Sendable, Hashable, CustomStringConvertible {
    public enum Scheme: String, Sendable {
        case http, https, unix
    }

    public var scheme: Scheme
    /// A host name or IP address, without the brackets of an IPv6 literal; a socket path for `unix`.
    public var host: String
    public var port: Int
    /// The path and query, always starting with `/`.
    public var target: String

    public init(scheme: Scheme, host: String, port: Int? = nil, target: String) {
        self.scheme = scheme
        self.host = host
        self.port = port ?? (scheme == .https ? 443 : 80)
        self.target = target.hasPrefix("/") ? target : "/" + target
    }

    public init(parsing text: String) throws(HTTPError) {
        guard let separator = text.firstRange(of: "://") else { throw .invalidURL("`\(text.prefix(120))` has no scheme") }
        let schemeName = text[..<separator.lowerBound].lowercased()
        guard let scheme = Scheme(rawValue: schemeName), scheme != Scheme.unix else {
            throw .invalidURL("`\(text.prefix(120))` is not http or https")
        }
        let rest = text[separator.upperBound...]
        let authorityEnd = rest.firstIndex { character in character == "/" || character == "?" || character == "#" } ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var host = authority
        var port: Int?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw .invalidURL("`\(text.prefix(120))` has an unclosed IPv6 address") }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { port = try Self.port(after.dropFirst(), in: text) }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            port = try Self.port(authority[authority.index(after: colon)...], in: text)
        }
        guard !host.isEmpty, !host.contains(where: { $0 == " " || $0 == "\r" || $0 == "\n" }) else {
            throw .invalidURL("`\(text.prefix(120))` has no host")
        }
        var target = String(rest[authorityEnd...])
        if let hash = target.firstIndex(of: "#") { target = String(target[..<hash]) }
        if target.isEmpty || target.hasPrefix("?") { target = "/" + target }
        guard !target.contains(where: { $0 == " " || $0 == "\r" || $0 == "\n" }) else {
            throw .invalidURL("`\(text.prefix(120))` has spaces or line breaks")
        }
        self.init(scheme: scheme, host: String(host), port: port, target: target)
    }

    private static func port(_ text: Substring, in url: String) throws(HTTPError) -> Int? {
        if text.isEmpty { return nil }
        guard let port = Int(text), (1...65535).contains(port) else { throw .invalidURL("`\(url.prefix(120))` has a bad port") }
        return port
    }

    /// Where a `Location` header points: absolute, scheme-relative, absolute-path or relative.
    public func resolving(_ location: String) throws(HTTPError) -> HTTPURL {
        if location.contains("://") { return try HTTPURL(parsing: location) }
        if location.hasPrefix("//") { return try HTTPURL(parsing: scheme.rawValue + ":" + location) }
        var copy = self
        if location.hasPrefix("/") {
            copy.target = location
        } else {
            let path = target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? "/"
            let directory = path.lastIndex(of: "/").map { String(path[...$0]) } ?? "/"
            copy.target = directory + location
        }
        return copy
    }

    /// `host[:port]` as the `Host` header and `CONNECT` write it (the port only when not the default).
    public var authority: String {
        let name = host.contains(":") ? "[" + host + "]" : host
        let defaultPort = scheme == .https ? 443 : 80
        return port == defaultPort ? name : name + ":" + String(port)
    }

    /// Whether the host is this machine, where plain HTTP is allowed.
    public var isLoopback: Bool { Self.isLoopback(host: host) }

    public static func isLoopback(host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    public var sameOrigin: String { scheme.rawValue + "://" + authority }

    public var description: String {
        scheme == .unix ? "unix://" + host + target : sameOrigin + target
    }
}
