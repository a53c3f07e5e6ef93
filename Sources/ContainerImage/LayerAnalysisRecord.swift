/// The on-disk form of one layer's ``LayerChanges`` in the layer analysis cache: a header line,
/// the fields as little-endian base-128 integers and length-prefixed bytes, and a SHA-256 of all
/// that before it, so a damaged or truncated entry is recognised and never half-read.
enum LayerAnalysisRecord {
    static let header = Array("plimsoll layer analysis 1\n".utf8)

    static func encode(_ changes: LayerChanges) -> [UInt8] {
        var writer = RecordWriter(bytes: header)
        writer.integer(UInt64(changes.entries.count))
        for entry in changes.entries {
            writer.text(entry.path)
            writer.integer(UInt64(kinds.firstIndex(of: entry.kind) ?? kinds.count - 1))
            writer.signed(entry.size)
            writer.integer(UInt64(entry.mode))
            writer.signed(Int64(entry.uid))
            writer.signed(Int64(entry.gid))
            if let target = entry.linkTarget {
                writer.integer(1)
                writer.text(target)
            } else {
                writer.integer(0)
            }
        }
        writer.texts(changes.whiteouts)
        writer.texts(changes.opaqueDirectories)
        writer.integer(UInt64(compressions.firstIndex(of: changes.compression) ?? 0))
        writer.signed(changes.uncompressedSize)
        writer.contents(changes.captured)
        writer.signed(Int64(changes.capturedBytes))
        writer.contents(changes.extracted)
        writer.signed(Int64(changes.uncapturedCandidates))
        writer.bytes += trailer(of: writer.bytes[...])
        return writer.bytes
    }

    /// Nil for anything but a complete, intact record.
    static func decode(_ bytes: [UInt8], index: Int) -> LayerChanges? {
        guard bytes.count >= header.count + trailerSize, bytes.starts(with: header) else { return nil }
        let body = bytes[..<(bytes.count - trailerSize)]
        guard trailer(of: body).elementsEqual(bytes[(bytes.count - trailerSize)...]) else { return nil }
        var reader = RecordReader(bytes: body, position: header.count)
        guard let count = reader.count() else { return nil }
        var changes = LayerChanges(index: index)
        changes.entries.reserveCapacity(count)
        for _ in 0..<count {
            guard let path = reader.text(), let kind = reader.integer(below: kinds.count).map({ kinds[$0] }),
                  let size = reader.signed(), let mode = reader.integer(), mode <= UInt64(UInt32.max),
                  let uid = reader.signed(), let gid = reader.signed(), let hasTarget = reader.integer(below: 2) else { return nil }
            var target: String?
            if hasTarget == 1 {
                guard let text = reader.text() else { return nil }
                target = text
            }
            changes.entries.append(FileChange(path: path, kind: kind, size: size, mode: UInt32(mode), uid: Int(uid), gid: Int(gid),
                                              linkTarget: target))
        }
        guard let whiteouts = reader.texts(), let opaque = reader.texts(),
              let compression = reader.integer(below: compressions.count).map({ compressions[$0] }),
              let uncompressedSize = reader.signed(), let captured = reader.contents(entries: count),
              let capturedBytes = reader.signed(), let extracted = reader.contents(entries: count),
              let uncaptured = reader.signed(), reader.isAtEnd else { return nil }
        changes.whiteouts = whiteouts
        changes.opaqueDirectories = opaque
        changes.compression = compression
        changes.uncompressedSize = uncompressedSize
        changes.captured = captured
        changes.capturedBytes = Int(capturedBytes)
        changes.extracted = extracted
        changes.uncapturedCandidates = Int(uncaptured)
        return changes
    }

    /// The SHA-256 of the body, in hex.
    private static let trailerSize = 64

    private static func trailer(of body: ArraySlice<UInt8>) -> [UInt8] {
        let hasher = SHA256Hasher()
        body.withUnsafeBytes { hasher.update($0) }
        return Array(hasher.finish().hex.utf8)
    }

    /// Fixed positions: the record stores an entry kind and a compression as their place in these lists.
    private static let kinds: [TarEntryKind] = [.regular, .hardLink, .symbolicLink, .characterDevice, .blockDevice, .directory, .fifo, .other]
    private static let compressions: [Compression] = [.none, .gzip, .zstd]
}

private struct RecordWriter {
    var bytes: [UInt8]

    mutating func integer(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// Zigzag, so small negative numbers stay short.
    mutating func signed(_ value: Int64) { integer(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }

    mutating func data<Bytes: Collection<UInt8>>(_ data: Bytes) {
        integer(UInt64(data.count))
        bytes.append(contentsOf: data)
    }

    mutating func text(_ text: String) { data(text.utf8) }

    mutating func texts(_ texts: [String]) {
        integer(UInt64(texts.count))
        for text in texts { self.text(text) }
    }

    /// Content by entry index, in index order so equal changes encode to equal bytes.
    mutating func contents(_ contents: [Int: [UInt8]]) {
        integer(UInt64(contents.count))
        for index in contents.keys.sorted() {
            integer(UInt64(index))
            data(contents[index] ?? [])
        }
    }
}

/// Reads what ``RecordWriter`` wrote; every read checks what is left, so a count can never ask
/// for more than the record holds.
private struct RecordReader {
    let bytes: ArraySlice<UInt8>
    var position: Int

    var isAtEnd: Bool { position == bytes.endIndex }

    mutating func integer() -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while position < bytes.endIndex, shift < 64 {
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }

    mutating func integer(below limit: Int) -> Int? {
        guard let value = integer(), value < UInt64(limit) else { return nil }
        return Int(value)
    }

    mutating func signed() -> Int64? {
        guard let raw = integer() else { return nil }
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    /// A count of items that each take at least one byte.
    mutating func count() -> Int? { integer(below: bytes.endIndex - position + 1) }

    mutating func data() -> ArraySlice<UInt8>? {
        guard let length = count() else { return nil }
        defer { position += length }
        return bytes[position..<(position + length)]
    }

    mutating func text() -> String? { data().map { String(decoding: $0, as: UTF8.self) } }

    mutating func texts() -> [String]? {
        guard let count = count() else { return nil }
        var texts: [String] = []
        texts.reserveCapacity(count)
        for _ in 0..<count {
            guard let text = text() else { return nil }
            texts.append(text)
        }
        return texts
    }

    mutating func contents(entries: Int) -> [Int: [UInt8]]? {
        guard let count = count() else { return nil }
        var contents: [Int: [UInt8]] = [:]
        for _ in 0..<count {
            guard let index = integer(below: entries), let data = data() else { return nil }
            contents[index] = Array(data)
        }
        return contents
    }
}
