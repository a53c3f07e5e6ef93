import HostSystem
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One connected stream socket (TCP or a Unix socket), optionally wrapped in TLS. Reads and writes
/// block for at most the idle timeout, set on the socket itself, so a silent peer cannot hang us.
///
/// `@unchecked Sendable`: a connection has one owner at a time; the pool hands it over whole.
final class SocketConnection: @unchecked Sendable {
    private let descriptor: Int32
    private var tls: TLSSession?
    /// What the connection is to, for error messages.
    let peer: String
    private(set) var isBroken = false

    private init(descriptor: Int32, peer: String) {
        self.descriptor = descriptor
        self.peer = peer
    }

    deinit {
        tls = nil
        close(descriptor)
    }

    /// Connects to `host:port`, trying each address the name resolves to, each within `timeout` seconds.
    static func tcp(host: String, port: Int, timeout: Double) throws(HTTPError) -> SocketConnection {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw .cannotConnect(host: host, reason: status == 0 ? "no address" : String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(list) }
        var reason = "no address"
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let address = entry {
            entry = address.pointee.ai_next
            let descriptor = socket(address.pointee.ai_family, address.pointee.ai_socktype | Int32(SOCK_CLOEXEC.rawValue), address.pointee.ai_protocol)
            guard descriptor >= 0 else { reason = lastError(); continue }
            let connection = SocketConnection(descriptor: descriptor, peer: host + ":" + String(port))
            switch connection.connect(to: address.pointee.ai_addr, length: address.pointee.ai_addrlen, timeout: timeout) {
            case nil:
                var on: Int32 = 1
                setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
                return connection
            case let failure?: reason = failure
            }
        }
        throw .cannotConnect(host: host + ":" + String(port), reason: reason)
    }

    static func unix(path: String, timeout: Double) throws(HTTPError) -> SocketConnection {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw .cannotConnect(host: path, reason: "the socket path is too long") }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (offset, byte) in bytes.enumerated() { buffer[offset] = byte }
        }
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw .cannotConnect(host: path, reason: lastError()) }
        let connection = SocketConnection(descriptor: descriptor, peer: path)
        let failure = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connection.connect(to: $0, length: socklen_t(MemoryLayout<sockaddr_un>.size), timeout: timeout)
            }
        }
        if let failure { throw .cannotConnect(host: path, reason: failure) }
        return connection
    }

    /// A non-blocking connect bounded by `poll`; nil on success, else why it failed.
    private func connect(to address: UnsafePointer<sockaddr>?, length: socklen_t, timeout: Double) -> String? {
        let flags = fcntl(descriptor, F_GETFL)
        _ = fcntl(descriptor, F_SETFL, flags | O_NONBLOCK)
        defer { _ = fcntl(descriptor, F_SETFL, flags) }
        if Glibc.connect(descriptor, address, length) != 0 {
            guard errno == EINPROGRESS else { return Self.lastError() }
            var poller = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
            let ready = poll(&poller, 1, Int32(timeout * 1000))
            guard ready > 0 else { return ready == 0 ? "no answer within \(Int(timeout)) s" : Self.lastError() }
            var error: Int32 = 0
            var size = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &error, &size)
            guard error == 0 else { return String(cString: strerror(error)).lowercased() }
        }
        var on: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_KEEPALIVE, &on, socklen_t(MemoryLayout<Int32>.size))
        return nil
    }

    /// Bounds every later read and write.
    func setIdleTimeout(_ seconds: Double) {
        var interval = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - Double(Int(seconds))) * 1_000_000))
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Wraps the connection in TLS for `host` (certificate and name checked).
    func startTLS(_ context: TLSContext, host: String) throws(HTTPError) {
        tls = try TLSSession(context: context, descriptor: descriptor, host: host)
    }

    func write(_ bytes: [UInt8]) throws(HTTPError) {
        var written = 0
        while written < bytes.count {
            let count: Int
            if let tls {
                count = try tls.write(bytes, from: written, peer: peer)
            } else {
                count = bytes.withUnsafeBytes { buffer in
                    guard let base = buffer.baseAddress else { return 0 }
                    return send(descriptor, base + written, buffer.count - written, Int32(MSG_NOSIGNAL))
                }
                if count < 0 {
                    if errno == EINTR { continue }
                    isBroken = true
                    if errno == EAGAIN || errno == EWOULDBLOCK { throw .timedOut("sending to \(peer)") }
                    throw .connectionLost("sending to \(peer): \(Self.lastError())")
                }
            }
            written += count
        }
    }

    /// Up to `buffer.count` bytes; 0 when the peer has closed its side.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(HTTPError) -> Int {
        if let tls { return try tls.read(into: buffer, peer: peer) }
        while true {
            let count = recv(descriptor, buffer.baseAddress, buffer.count, 0)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            isBroken = true
            if errno == EAGAIN || errno == EWOULDBLOCK { throw .timedOut("waiting for \(peer)") }
            throw .connectionLost("reading from \(peer): \(Self.lastError())")
        }
    }

    func markBroken() { isBroken = true }

    static func lastError() -> String { String(cString: strerror(errno)).lowercased() }
}
