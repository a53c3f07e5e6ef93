import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An HTTP/1.1 server on 127.0.0.1 inside the test process, for commands that download: it serves
/// fixed bodies with an ETag (answering 304 to a matching `If-None-Match`), can drop the connection
/// part-way through a body, and records every request. It runs on its own thread, one connection at
/// a time, and `stop()` ends it; being in-process, it cannot outlive the test.
public final class LocalHTTPServer: @unchecked Sendable {
    public enum Response: Sendable {
        /// 200 with the body and, when given, an ETag.
        case body([UInt8], etag: String?)
        /// Announces the whole body's length, sends only the first `sent` bytes, then closes.
        case truncated([UInt8], sent: Int)
        case status(Int)
        /// Any status, headers and body; with `sent`, only that many body bytes go out before the close.
        case reply(status: Int, headers: [(String, String)], body: [UInt8], sent: Int? = nil)
        /// 200 with no length and bytes until the client hangs up.
        case endless
        /// Accepts the request and says nothing for this many seconds, then closes.
        case silence(seconds: Double)
    }

    public struct Request: Sendable {
        public var method: String = "GET"
        public var path: String
        public var headers: [String: String]
    }

    /// Consulted before the fixed routes; nil falls through to them.
    public var handler: (@Sendable (Request) -> Response?)? {
        get { lock.withLock { dynamicHandler } }
        set { lock.withLock { dynamicHandler = newValue } }
    }
    private var dynamicHandler: (@Sendable (Request) -> Response?)?

    public let port: UInt16
    public var base: String { "http://127.0.0.1:\(port)" }
    private let listener: Int32
    private let lock = NSLock()
    private var routes: [String: Response]
    private var received: [Request] = []
    private var stopped = false
    private let finished = DispatchSemaphore(value: 0)

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public init(routes: [String: Response]) throws {
        self.routes = routes
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket: \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 16) == 0 else {
            close(descriptor)
            throw Failure(description: "bind/listen: \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        listener = descriptor
        port = UInt16(bigEndian: address.sin_port)
        Thread { [self] in serve() }.start()
    }

    deinit { stop() }

    public var requests: [Request] { lock.withLock { received } }

    public func setRoute(_ path: String, _ response: Response) {
        lock.withLock { routes[path] = response }
    }

    /// Closes the listening socket, which wakes the accept loop, and waits for it to end.
    public func stop() {
        let first = lock.withLock { () -> Bool in
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        finished.wait()
    }

    private func serve() {
        defer { finished.signal() }
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR { continue }
                return
            }
            var timeout = timeval(tv_sec: 5, tv_usec: 0)
            setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            respond(on: connection)
            close(connection)
        }
    }

    private func respond(on connection: Int32) {
        guard let request = readRequest(connection) else { return }
        let handler = lock.withLock { () -> (@Sendable (Request) -> Response?)? in
            received.append(request)
            return dynamicHandler
        }
        let response = handler?(request) ?? lock.withLock { routes[request.path] ?? .status(404) }
        switch response {
        case .body(let body, let etag):
            if let etag, request.headers["if-none-match"] == etag {
                send(connection, head(304, length: nil, etag: etag))
                return
            }
            send(connection, head(200, length: body.count, etag: etag) + body)
        case .truncated(let body, let sent):
            send(connection, head(200, length: body.count, etag: nil) + body.prefix(sent))
        case .status(let code):
            send(connection, head(code, length: 0, etag: nil))
        case .reply(let status, let headers, let body, let sent):
            var text = "HTTP/1.1 \(status) Status\r\nConnection: close\r\n"
            if !headers.contains(where: { $0.0.lowercased() == "content-length" }) { text += "Content-Length: \(body.count)\r\n" }
            for (name, value) in headers { text += name + ": " + value + "\r\n" }
            send(connection, Array((text + "\r\n").utf8) + body.prefix(sent ?? body.count))
        case .endless:
            send(connection, Array("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n".utf8))
            let chunk = [UInt8](repeating: 0x41, count: 64 << 10)
            while send(connection, chunk) {}
        case .silence(let seconds):
            usleep(useconds_t(seconds * 1_000_000))
        }
    }

    private func head(_ code: Int, length: Int?, etag: String?) -> [UInt8] {
        var text = "HTTP/1.1 \(code) \(code == 200 ? "OK" : "Status")\r\nConnection: close\r\n"
        if let length { text += "Content-Length: \(length)\r\nContent-Type: application/zip\r\n" }
        if let etag { text += "ETag: \(etag)\r\n" }
        return Array((text + "\r\n").utf8)
    }

    private func readRequest(_ connection: Int32) -> Request? {
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while data.count < 65_536 {
            let count = recv(connection, &chunk, chunk.count, 0)
            guard count > 0 else { return nil }
            data += chunk[..<count]
            // A TLS ClientHello (a client trying HTTPS first) gets the connection closed at once.
            if data.first == 0x16 { return nil }
            if let end = String(decoding: data, as: UTF8.self).range(of: "\r\n\r\n") {
                let lines = String(decoding: data, as: UTF8.self)[..<end.lowerBound].components(separatedBy: "\r\n")
                let words = lines.first?.split(separator: " ") ?? []
                let method = words.first.map(String.init) ?? "GET"
                let target = words.dropFirst().first.map(String.init) ?? "/"
                var headers: [String: String] = [:]
                for line in lines.dropFirst() {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
                return Request(method: method, path: target, headers: headers)
            }
        }
        return nil
    }

    /// False when the client has gone.
    @discardableResult
    private func send(_ connection: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            // MSG_NOSIGNAL: a client that hangs up must not kill the test process with SIGPIPE.
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }
}
