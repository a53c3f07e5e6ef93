/// Reads tar headers from a stream one entry at a time, skipping data that nobody asks for.
/// Handles ustar, pax (local and global), GNU long names and links, and GNU sparse files (sizes only).
final class TarReader {
    /// Extension headers (pax records, GNU long names) larger than this are refused, not buffered.
    static let maximumMetadataSize = 1 << 20

    private let source: any ByteStream
    private let failure: @Sendable (String) -> ImageError
    private let buffer: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0
    private var sourceEnded = false
    /// Data and padding of the current entry not yet consumed.
    private var remainingData: Int64 = 0
    private var remainingPadding: Int64 = 0
    private var globalRecords: [String: String] = [:]
    /// Bytes taken from the source so far, read or skipped.
    private var sourcePosition: Int64 = 0

    /// Where the current entry's data starts in the stream.
    var dataOffset: Int64 { sourcePosition - Int64(end - start) }

    /// `failure` turns a reason into the error to throw, so messages can name the layer or archive.
    /// `bufferSize` trades memory for fewer reads; an archive index that seeks over data needs little.
    init(_ source: any ByteStream, bufferSize: Int = 256 * 1024, failure: @escaping @Sendable (String) -> ImageError) {
        self.source = source
        self.failure = failure
        buffer = .allocate(byteCount: max(bufferSize, 1024), alignment: 16)
    }

    deinit { buffer.deallocate() }

    /// The next entry, or nil at the end of the archive.
    func next() throws(ImageError) -> TarEntry? {
        try skip(remainingData + remainingPadding)
        remainingData = 0
        remainingPadding = 0
        var localRecords: [String: String] = [:]
        var longName: [UInt8]?
        var longLink: [UInt8]?
        while true {
            guard try fill(512) else {
                if start == end, localRecords.isEmpty, longName == nil, longLink == nil { return nil }
                throw failure("the tar stream ends inside a header")
            }
            let header = TarHeaderFields(block: UnsafeRawBufferPointer(rebasing: buffer[start..<(start + 512)]))
            if header.isZero {
                start += 512
                return nil
            }
            guard header.hasValidChecksum else { throw failure("a tar header has a bad checksum") }
            guard let headerSize = header.number(124, 12) else { throw failure("a tar header has an invalid size field") }
            let typeflag = header.byte(156)
            switch typeflag {
            case UInt8(ascii: "x"), UInt8(ascii: "g"), UInt8(ascii: "L"), UInt8(ascii: "K"):
                start += 512
                let data = try metadata(size: headerSize)
                switch typeflag {
                case UInt8(ascii: "L"): longName = Self.trimmingNul(data)
                case UInt8(ascii: "K"): longLink = Self.trimmingNul(data)
                default:
                    guard let records = PaxRecords.parse(data) else { throw failure("a pax header is malformed") }
                    if typeflag == UInt8(ascii: "x") {
                        localRecords.merge(records) { $1 }
                    } else {
                        for (key, value) in records { globalRecords[key] = value.isEmpty ? nil : value }
                    }
                }
                continue
            default:
                break
            }
            var entry = try entry(from: header, typeflag: typeflag, headerSize: headerSize)
            start += 512
            if typeflag == UInt8(ascii: "S"), header.byte(482) != 0 { try skipSparseExtensions() }
            let records = globalRecords.merging(localRecords) { $1 }
            if let name = records["GNU.sparse.name"] ?? records["path"] {
                entry.name = name
            } else if let longName {
                entry.name = String(decoding: longName, as: UTF8.self)
            }
            if let target = records["linkpath"] {
                entry.linkTarget = target
            } else if let longLink {
                entry.linkTarget = String(decoding: longLink, as: UTF8.self)
            }
            if let size = records["size"] {
                guard let value = Int64(size), value >= 0 else { throw failure("a pax size record is invalid") }
                entry.dataSize = Self.hasData(entry.kind) ? value : 0
                if entry.kind == .regular { entry.size = value }
            }
            if let realSize = records["GNU.sparse.realsize"] ?? records["GNU.sparse.size"] {
                guard let value = Int64(realSize), value >= 0 else { throw failure("a sparse size record is invalid") }
                entry.size = value
            }
            if let uid = records["uid"].flatMap(Int.init) { entry.uid = uid }
            if let gid = records["gid"].flatMap(Int.init) { entry.gid = gid }
            remainingData = entry.dataSize
            remainingPadding = (512 - entry.dataSize % 512) % 512
            return entry
        }
    }

    /// Up to `limit` bytes of the current entry's data (the rest is skipped by the next `next()`).
    func readData(limit: Int) throws(ImageError) -> [UInt8] {
        let wanted = Int(min(Int64(limit), remainingData))
        var data: [UInt8] = []
        data.reserveCapacity(wanted)
        while data.count < wanted {
            guard try fill(1) else { throw failure("the tar stream ends inside an entry's data") }
            let take = min(end - start, wanted - data.count)
            data.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[start..<(start + take)]))
            start += take
        }
        remainingData -= Int64(wanted)
        return data
    }

    /// Hands the current entry's remaining data to `consume` piece by piece, without copying it,
    /// until `consume` returns false or the data ends.
    func streamData(_ consume: (UnsafeRawBufferPointer) -> Bool) throws(ImageError) {
        while remainingData > 0 {
            guard try fill(1) else { throw failure("the tar stream ends inside an entry's data") }
            let take = Int(min(Int64(end - start), remainingData))
            let wantsMore = consume(UnsafeRawBufferPointer(rebasing: buffer[start..<(start + take)]))
            start += take
            remainingData -= Int64(take)
            if !wantsMore { return }
        }
    }

    /// Reads whatever follows the end-of-archive marker, so digests cover the whole stream.
    func drain() throws(ImageError) {
        start = end
        while try fill(1) { start = end }
    }

    private func entry(from header: TarHeaderFields, typeflag: UInt8, headerSize: Int64) throws(ImageError) -> TarEntry {
        var name = header.text(0, 100)
        if header.isPOSIXUstar {
            let prefix = header.text(345, 155)
            if !prefix.isEmpty { name = prefix + [UInt8(ascii: "/")] + name }
        }
        var kind: TarEntryKind
        switch typeflag {
        case UInt8(ascii: "0"), 0, UInt8(ascii: "7"), UInt8(ascii: "S"):
            kind = name.last == UInt8(ascii: "/") && typeflag != UInt8(ascii: "S") ? .directory : .regular
        case UInt8(ascii: "1"): kind = .hardLink
        case UInt8(ascii: "2"): kind = .symbolicLink
        case UInt8(ascii: "3"): kind = .characterDevice
        case UInt8(ascii: "4"): kind = .blockDevice
        case UInt8(ascii: "5"): kind = .directory
        case UInt8(ascii: "6"): kind = .fifo
        default: kind = .other
        }
        guard let mode = header.number(100, 8), let uid = header.number(108, 8), let gid = header.number(116, 8) else {
            throw failure("a tar header has an invalid mode, uid or gid")
        }
        var size = headerSize
        if typeflag == UInt8(ascii: "S") {
            guard let realSize = header.number(483, 12) else { throw failure("a sparse header has an invalid size") }
            size = realSize
        }
        let dataSize = Self.hasData(kind) ? headerSize : 0
        return TarEntry(name: String(decoding: name, as: UTF8.self), kind: kind, size: kind == .regular ? size : 0,
                        mode: UInt32(truncatingIfNeeded: mode), uid: Int(clamping: uid), gid: Int(clamping: gid),
                        linkTarget: String(decoding: header.text(157, 100), as: UTF8.self), dataSize: dataSize)
    }

    /// Links, devices, directories and fifos carry no data whatever their size field says (as Go's archive/tar reads them).
    private static func hasData(_ kind: TarEntryKind) -> Bool { kind == .regular || kind == .other }

    private func metadata(size: Int64) throws(ImageError) -> [UInt8] {
        guard size <= Int64(Self.maximumMetadataSize) else { throw failure("an extension header is larger than 1 MiB") }
        remainingData = size
        let data = try readData(limit: Int(size))
        try skip((512 - size % 512) % 512)
        remainingData = 0
        return data
    }

    private func skipSparseExtensions() throws(ImageError) {
        while true {
            guard try fill(512) else { throw failure("the tar stream ends inside a sparse map") }
            let more = buffer[start + 504] != 0
            start += 512
            if !more { return }
        }
    }

    private static func trimmingNul(_ data: [UInt8]) -> [UInt8] {
        guard let nul = data.firstIndex(of: 0) else { return data }
        return Array(data[..<nul])
    }

    /// Makes at least `count` bytes available; false when the stream ends first.
    private func fill(_ count: Int) throws(ImageError) -> Bool {
        if end - start >= count { return true }
        if start > 0 {
            let pending = end - start
            if pending > 0, let base = buffer.baseAddress { base.copyMemory(from: base + start, byteCount: pending) }
            start = 0
            end = pending
        }
        while end - start < count, !sourceEnded {
            let read = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[end...]))
            if read == 0 { sourceEnded = true } else { end += read }
            sourcePosition += Int64(read)
        }
        return end - start >= count
    }

    private func skip(_ count: Int64) throws(ImageError) {
        var left = count
        if let seekable = source as? SeekableByteStream, left > Int64(end - start) {
            left -= Int64(end - start)
            start = end
            guard seekable.skip(left) else { throw failure("the tar stream ends inside an entry's data") }
            sourcePosition += left
            return
        }
        while left > 0 {
            guard try fill(1) else { throw failure("the tar stream ends inside an entry's data") }
            let take = Int(min(Int64(end - start), left))
            start += take
            left -= Int64(take)
        }
    }
}
