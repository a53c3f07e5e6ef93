import HostSystem

/// Reads a connection through a buffer, for the line-oriented parts of HTTP (status line, header
/// fields, chunk sizes) and then the body's bytes without copying them twice.
final class BufferedReader {
    let connection: SocketConnection
    private let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: 16 << 10, alignment: 16)
    private var position = 0
    private var end = 0
    /// A response head larger than this is refused: registries send a few hundred bytes.
    static let headLimit = 64 << 10

    init(_ connection: SocketConnection) { self.connection = connection }

    deinit { storage.deallocate() }

    /// One line without its CRLF (or bare LF); nil at a clean end of stream before any byte.
    func line(limit: Int = 16 << 10) throws(HTTPError) -> String? {
        var bytes: [UInt8] = []
        while true {
            if position == end {
                guard try fill() else {
                    if bytes.isEmpty { return nil }
                    throw .connectionLost("in the middle of a response line from \(connection.peer)")
                }
            }
            let pending = UnsafeRawBufferPointer(rebasing: storage[position..<end])
            if let newline = pending.firstIndex(of: 0x0A) {
                bytes.append(contentsOf: pending[..<newline])
                position += newline + 1
                if bytes.last == 0x0D { bytes.removeLast() }
                return String(decoding: bytes, as: UTF8.self)
            }
            bytes.append(contentsOf: pending)
            position = end
            guard bytes.count <= limit else { throw .malformedResponse("a line longer than \(limit) bytes from \(connection.peer)") }
        }
    }

    func read(into output: UnsafeMutableRawBufferPointer) throws(HTTPError) -> Int {
        if position < end {
            let count = min(output.count, end - position)
            output.copyMemory(from: UnsafeRawBufferPointer(rebasing: storage[position..<position + count]))
            position += count
            return count
        }
        return try connection.read(into: output)
    }

    func chunkSize() throws(HTTPError) -> Int64 {
        guard let line = try line(limit: 1024) else { throw .connectionLost("before a chunk from \(connection.peer)") }
        let digits = line.split(separator: ";", maxSplits: 1).first.map { String($0.trimmingCharacters(in: " \t")) } ?? ""
        guard !digits.isEmpty, digits.count <= 15, let size = Int64(digits, radix: 16), size >= 0 else {
            throw .malformedResponse("chunk size `\(line.prefix(40))` from \(connection.peer)")
        }
        return size
    }

    func expectLineEnd() throws(HTTPError) {
        guard let line = try line(limit: 2), line.isEmpty else { throw .malformedResponse("a chunk not followed by CRLF from \(connection.peer)") }
    }

    func skipTrailers() throws(HTTPError) {
        var total = 0
        while let line = try line(), !line.isEmpty {
            total += line.utf8.count
            guard total <= Self.headLimit else { throw .malformedResponse("trailers larger than \(Self.headLimit) bytes") }
        }
    }

    private func fill() throws(HTTPError) -> Bool {
        end = try connection.read(into: storage)
        position = 0
        return end > 0
    }
}
