/// A response whose body is read as it arrives: by `Content-Length`, chunked, or to the close.
/// Once the body has been read to its end the connection goes back to the pool for reuse.
///
/// `@unchecked Sendable`: one reader at a time, like the connection it holds.
public final class HTTPResponse: @unchecked Sendable {
    public let status: Int
    public let headers: HTTPHeaders
    /// Where the response came from, after any redirects.
    public let url: HTTPURL
    private let reader: BufferedReader
    private var framing: Framing
    private let release: (@Sendable (SocketConnection) -> Void)?
    private var finished = false
    /// Body bytes received so far.
    public private(set) var received: Int64 = 0

    enum Framing {
        case length(Int64)
        case chunked(remaining: Int64, started: Bool)
        case untilClose
        case none
    }

    init(status: Int, headers: HTTPHeaders, url: HTTPURL, reader: BufferedReader, framing: Framing,
         release: (@Sendable (SocketConnection) -> Void)?) {
        self.status = status
        self.headers = headers
        self.url = url
        self.reader = reader
        self.framing = framing
        self.release = release
        if case .none = framing { finish(reusable: true) }
        if case .length(0) = framing { finish(reusable: true) }
    }

    /// The body length the server announced, when it did.
    public var contentLength: Int64? {
        if case .length(let remaining) = framing { return received + remaining }
        return nil
    }

    /// Fills up to `buffer.count` bytes of the body; 0 at its end. A body cut short throws.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(HTTPError) -> Int {
        guard !finished, buffer.count > 0 else { return 0 }
        switch framing {
        case .none:
            return 0
        case .length(let remaining):
            let count = try reader.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<Int(min(Int64(buffer.count), remaining))]))
            guard count > 0 else { throw HTTPError.connectionLost("\(remaining) bytes before the end of the body from \(url.sameOrigin)") }
            received += Int64(count)
            framing = .length(remaining - Int64(count))
            if remaining == Int64(count) { finish(reusable: true) }
            return count
        case .chunked(var remaining, let started):
            if remaining == 0 {
                if started { try reader.expectLineEnd() }
                remaining = try reader.chunkSize()
                if remaining == 0 {
                    try reader.skipTrailers()
                    finish(reusable: true)
                    return 0
                }
            }
            let count = try reader.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<Int(min(Int64(buffer.count), remaining))]))
            guard count > 0 else { throw HTTPError.connectionLost("inside a chunk of the body from \(url.sameOrigin)") }
            received += Int64(count)
            framing = .chunked(remaining: remaining - Int64(count), started: true)
            return count
        case .untilClose:
            let count = try reader.read(into: buffer)
            if count == 0 { finish(reusable: false) }
            received += Int64(count)
            return count
        }
    }

    /// The whole body, refused past `limit` bytes so an endless or huge body cannot exhaust memory.
    public func body(limit: Int, what: String) throws(HTTPError) -> [UInt8] {
        if let length = contentLength, length > Int64(limit) { throw .tooLarge("\(what) (\(length) bytes, the limit is \(limit))") }
        var bytes: [UInt8] = []
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 16)
        defer { chunk.deallocate() }
        while true {
            let count = try read(into: chunk)
            if count == 0 { return bytes }
            guard bytes.count + count <= limit else { throw .tooLarge("\(what) (more than \(limit) bytes)") }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[..<count]))
        }
    }

    /// Reads and drops a small body so the connection can be reused; a large one closes it instead.
    public func discard() {
        guard !finished else { return }
        if let length = contentLength, length > 64 << 10 { return finish(reusable: false) }
        do { _ = try body(limit: 64 << 10, what: "an unused body") } catch { finish(reusable: false) }
    }

    private func finish(reusable: Bool) {
        guard !finished else { return }
        finished = true
        if reusable, !reader.connection.isBroken, let release { release(reader.connection) }
    }
}
