import CLibssl
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The TLS settings every connection of a client shares: TLS 1.2 or later, peers checked against
/// the system's trust store and any extra CA file the user names.
public final class TLSContext: @unchecked Sendable {
    // `@unchecked Sendable`: an SSL_CTX is safe to share between threads once it is set up.
    let context: OpaquePointer

    public init(extraCertificateFile: String? = nil) throws(HTTPError) {
        guard let context = SSL_CTX_new(TLS_client_method()) else { throw .tls(host: "-", reason: TLSSession.errorText()) }
        self.context = context
        _ = plimsoll_ssl_ctx_require_tls12(context)
        SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
        SSL_CTX_set_default_verify_paths(context)
        if let extraCertificateFile {
            guard SSL_CTX_load_verify_locations(context, extraCertificateFile, nil) == 1 else {
                throw .tls(host: "-", reason: "cannot use CA certificate file \(extraCertificateFile): \(TLSSession.errorText())")
            }
        }
    }

    deinit { SSL_CTX_free(context) }
}

/// One TLS session over a connected socket; the socket's own timeouts bound each read and write.
final class TLSSession {
    private let ssl: OpaquePointer

    init(context: TLSContext, descriptor: Int32, host: String) throws(HTTPError) {
        guard let ssl = SSL_new(context.context) else { throw .tls(host: host, reason: Self.errorText()) }
        self.ssl = ssl
        SSL_set_fd(ssl, descriptor)
        let isAddress = Self.isIPAddress(host)
        if isAddress {
            X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), host)
        } else {
            _ = plimsoll_ssl_set_server_name(ssl, host)
            SSL_set1_host(ssl, host)
        }
        ERR_clear_error()
        guard SSL_connect(ssl) == 1 else {
            let verify = SSL_get_verify_result(ssl)
            if verify != X509_V_OK {
                throw .tls(host: host, reason: "the certificate is not trusted: " + String(cString: X509_verify_cert_error_string(verify))
                           + " (name a CA file with --ca-cert, or add it to the system trust store)")
            }
            let reason = Self.errorText()
            throw .tls(host: host, reason: reason.isEmpty ? "the handshake failed (is this port serving TLS?)" : reason)
        }
    }

    deinit {
        SSL_shutdown(ssl)
        SSL_free(ssl)
    }

    func write(_ bytes: [UInt8], from offset: Int, peer: String) throws(HTTPError) -> Int {
        ERR_clear_error()
        let count = bytes.withUnsafeBytes { buffer in
            SSL_write(ssl, buffer.baseAddress.map { $0 + offset }, Int32(min(buffer.count - offset, Int(Int32.max))))
        }
        if count > 0 { return Int(count) }
        throw failure(SSL_get_error(ssl, count), doing: "sending to \(peer)")
    }

    func read(into buffer: UnsafeMutableRawBufferPointer, peer: String) throws(HTTPError) -> Int {
        ERR_clear_error()
        let count = SSL_read(ssl, buffer.baseAddress, Int32(min(buffer.count, Int(Int32.max))))
        if count > 0 { return Int(count) }
        let code = SSL_get_error(ssl, count)
        // A clean close, or a peer that closed without close_notify (common, and framing catches truncation).
        if code == SSL_ERROR_ZERO_RETURN || (code == SSL_ERROR_SYSCALL && errno == 0) { return 0 }
        throw failure(code, doing: "reading from \(peer)")
    }

    private func failure(_ code: Int32, doing what: String) -> HTTPError {
        if code == SSL_ERROR_WANT_READ || code == SSL_ERROR_WANT_WRITE || errno == EAGAIN { return .timedOut(what) }
        if code == SSL_ERROR_SYSCALL { return .connectionLost(what + ": " + String(cString: strerror(errno)).lowercased()) }
        return .connectionLost(what + ": " + Self.errorText())
    }

    static func errorText() -> String {
        let code = ERR_get_error()
        guard code != 0 else { return "" }
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &buffer, buffer.count)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func isIPAddress(_ host: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
    }
}
