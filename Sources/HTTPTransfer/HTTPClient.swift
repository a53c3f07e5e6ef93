import Synchronization

/// How long to wait, which proxies to use and which extra CA to trust.
public struct HTTPSettings: Sendable {
    /// Seconds to wait for a connection to open.
    public var connectTimeout: Double
    /// Seconds any one read or write may block: a peer that stops sending fails after this.
    public var idleTimeout: Double
    public var extraCertificateFile: String?
    public var proxies: ProxySettings

    public init(connectTimeout: Double = 15, idleTimeout: Double = 30, extraCertificateFile: String? = nil,
                proxies: ProxySettings = ProxySettings()) {
        self.connectTimeout = connectTimeout
        self.idleTimeout = idleTimeout
        self.extraCertificateFile = extraCertificateFile
        self.proxies = proxies
    }
}

/// A small HTTP/1.1 client on blocking sockets: bodies are pulled by the caller as they arrive, so a
/// download streams straight into whatever reads it, and connections are kept alive and reused.
/// Several threads may use one client at once; each exchange owns its connection.
public final class HTTPClient: Sendable {
    public let settings: HTTPSettings
    private let tls = Mutex<TLSContext?>(nil)
    private let idle = Mutex<[String: [SocketConnection]]>([:])
    public static let maximumRedirects = 10

    public init(settings: HTTPSettings = HTTPSettings()) {
        self.settings = settings
    }

    /// Sends `request` and follows redirects; `Authorization` is dropped as soon as a redirect leaves
    /// the request's origin, so credentials never reach another host (blob storage, a CDN).
    public func send(_ request: HTTPRequest, body: [UInt8] = []) throws(HTTPError) -> HTTPResponse {
        var current = request
        var payload = body
        for _ in 0...Self.maximumRedirects {
            let response = try exchange(current, body: payload)
            guard [301, 302, 303, 307, 308].contains(response.status), let location = response.headers["Location"] else { return response }
            response.discard()
            let next = try current.url.resolving(location)
            if next.sameOrigin != request.url.sameOrigin { current.headers.remove("Authorization") }
            if next.scheme == .http, current.url.scheme == .https, !next.isLoopback {
                throw .invalidURL("a redirect from \(current.url.sameOrigin) to plain http at \(next.sameOrigin) is refused")
            }
            if response.status == 303 { current.method = current.method == "HEAD" ? "HEAD" : "GET"; payload = [] }
            current.url = next
        }
        throw .tooManyRedirects(current.url.sameOrigin)
    }

    /// One request and the head of its response. A kept-alive connection the server has meanwhile
    /// closed fails before any response byte; that case is retried once on a new connection.
    private func exchange(_ request: HTTPRequest, body: [UInt8]) throws(HTTPError) -> HTTPResponse {
        let proxy = settings.proxies.proxy(for: request.url)
        let key = request.url.sameOrigin + (request.url.scheme == .unix ? request.url.host : "") + (proxy.map { " via " + $0.sameOrigin } ?? "")
        if let reused = takeIdle(key) {
            do throws(HTTPError) {
                return try exchange(request, body: body, on: reused, key: key, proxied: proxy != nil)
            } catch {
                guard case .connectionLost = error else { throw error }
            }
        }
        let connection = try connect(request.url, through: proxy)
        return try exchange(request, body: body, on: connection, key: key, proxied: proxy != nil)
    }

    private func exchange(_ request: HTTPRequest, body: [UInt8], on connection: SocketConnection, key: String,
                          proxied: Bool) throws(HTTPError) -> HTTPResponse {
        let plainProxy = proxied && request.url.scheme == .http
        var head = request.method + " " + (plainProxy ? request.url.description : request.url.target) + " HTTP/1.1\r\n"
        head += "Host: " + (request.url.scheme == .unix ? "localhost" : request.url.authority) + "\r\n"
        for (name, value) in request.headers {
            guard !value.contains(where: { $0 == "\r" || $0 == "\n" }) else { throw .invalidURL("header \(name) has a line break") }
            head += name + ": " + value + "\r\n"
        }
        if request.headers["User-Agent"] == nil { head += "User-Agent: plimsoll\r\n" }
        if !body.isEmpty || request.method == "POST" || request.method == "PUT" { head += "Content-Length: \(body.count)\r\n" }
        head += "\r\n"
        try connection.write(Array(head.utf8) + body)
        let reader = BufferedReader(connection)
        var (status, version, headers) = try readHead(reader, from: request.url)
        while (100..<200).contains(status), status != 101 {
            (status, version, headers) = try readHead(reader, from: request.url)
        }
        let framing = try Self.framing(status: status, method: request.method, headers: headers)
        let closes = headers["Connection"]?.lowercased().contains("close") == true
            || (version == "HTTP/1.0" && headers["Connection"]?.lowercased().contains("keep-alive") != true)
        let release: (@Sendable (SocketConnection) -> Void)?
        if closes {
            release = nil
        } else {
            release = { [self] connection in putIdle(connection, key) }
        }
        return HTTPResponse(status: status, headers: headers, url: request.url, reader: reader, framing: framing, release: release)
    }

    private func readHead(_ reader: BufferedReader, from url: HTTPURL) throws(HTTPError) -> (Int, String, HTTPHeaders) {
        guard let statusLine = try reader.line() else { throw .connectionLost("before a response from \(url.sameOrigin)") }
        let parts = statusLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = Int(parts[1]), (100...999).contains(status) else {
            throw .malformedResponse("`\(statusLine.prefix(60))` from \(url.sameOrigin) is not an HTTP/1.1 status line")
        }
        var headers = HTTPHeaders()
        var total = statusLine.utf8.count
        while true {
            guard let line = try reader.line() else { throw .connectionLost("inside the response head from \(url.sameOrigin)") }
            if line.isEmpty { break }
            total += line.utf8.count
            guard total <= BufferedReader.headLimit else { throw .malformedResponse("a response head larger than 64 KiB from \(url.sameOrigin)") }
            guard let colon = line.firstIndex(of: ":") else { throw .malformedResponse("header line `\(line.prefix(60))` from \(url.sameOrigin)") }
            headers.add(String(line[..<colon]), String(line[line.index(after: colon)...].trimmingCharacters(in: " \t")))
        }
        return (status, String(parts[0]), headers)
    }

    private static func framing(status: Int, method: String, headers: HTTPHeaders) throws(HTTPError) -> HTTPResponse.Framing {
        if method == "HEAD" || status == 204 || status == 304 || (100..<200).contains(status) { return .none }
        if headers["Transfer-Encoding"]?.lowercased().contains("chunked") == true { return .chunked(remaining: 0, started: false) }
        if let text = headers["Content-Length"] {
            guard let length = Int64(text.trimmingCharacters(in: " ")), length >= 0 else {
                throw .malformedResponse("Content-Length `\(text.prefix(30))`")
            }
            return .length(length)
        }
        return .untilClose
    }

    private func connect(_ url: HTTPURL, through proxy: HTTPURL?) throws(HTTPError) -> SocketConnection {
        if url.scheme == .unix {
            let connection = try SocketConnection.unix(path: url.host, timeout: settings.connectTimeout)
            connection.setIdleTimeout(settings.idleTimeout)
            return connection
        }
        let endpoint = proxy ?? url
        let connection = try SocketConnection.tcp(host: endpoint.host, port: endpoint.port, timeout: settings.connectTimeout)
        connection.setIdleTimeout(settings.idleTimeout)
        guard url.scheme == .https else { return connection }
        if proxy != nil { try tunnel(connection, to: url) }
        try connection.startTLS(try tlsContext(), host: url.host)
        return connection
    }

    /// `CONNECT host:port` through an http proxy, for an https URL.
    private func tunnel(_ connection: SocketConnection, to url: HTTPURL) throws(HTTPError) {
        let target = (url.host.contains(":") ? "[" + url.host + "]" : url.host) + ":" + String(url.port)
        try connection.write(Array("CONNECT \(target) HTTP/1.1\r\nHost: \(target)\r\n\r\n".utf8))
        let reader = BufferedReader(connection)
        let (status, _, _) = try readHead(reader, from: url)
        guard status == 200 else { throw .proxy("the proxy answered \(status) to CONNECT \(target)") }
    }

    private func tlsContext() throws(HTTPError) -> TLSContext {
        try tls.withLock { (context) throws(HTTPError) -> TLSContext in
            if let context { return context }
            let made = try TLSContext(extraCertificateFile: settings.extraCertificateFile)
            context = made
            return made
        }
    }

    private func takeIdle(_ key: String) -> SocketConnection? {
        idle.withLock { $0[key]?.popLast() }
    }

    private func putIdle(_ connection: SocketConnection, _ key: String) {
        idle.withLock { connections in
            if connections[key, default: []].count < 8 { connections[key, default: []].append(connection) }
        }
    }
}
