/// The values of a Berkeley DB hash database (rpm's `Packages` before rpm 4.16), read page by page
/// without the library: every hash page's data items, inline or in overflow-page chains. The byte
/// order is the writer's, told by the metadata page's magic number. Every offset is checked against
/// the page and the file; a damaged page is skipped, a damaged file yields nil.
enum BerkeleyHashDatabase {
    static let hashMagic: UInt32 = 0x0006_1561
    static let pageHeaderSize = 26

    /// Page types (db_page.h).
    enum PageType: UInt8 {
        case hashUnsorted = 2
        case overflow = 7
        case hash = 13
    }

    /// Hash item types (db_page.h).
    enum ItemType: UInt8 {
        case keyData = 1
        case offPage = 3
    }

    private struct Reader {
        let bytes: [UInt8]
        let bigEndian: Bool

        func u16(_ at: Int) -> Int { bytes.unsigned16(at: at, bigEndian: bigEndian) }
        func u32(_ at: Int) -> Int { bytes.unsigned32(at: at, bigEndian: bigEndian) }
    }

    static func values(_ content: [UInt8], limit: Int = 200_000) -> [[UInt8]]? {
        guard content.count >= 512 else { return nil }
        let little = Reader(bytes: content, bigEndian: false)
        let big = Reader(bytes: content, bigEndian: true)
        guard let reader = [little, big].first(where: { UInt32($0.u32(12)) == hashMagic }) else { return nil }
        let pageSize = reader.u32(20)
        guard [512, 1024, 2048, 4096, 8192, 16384, 32768, 65536].contains(pageSize), content.count >= pageSize else { return nil }
        let pageCount = min(content.count / pageSize, reader.u32(32) + 1)
        var values: [[UInt8]] = []
        for page in 1..<max(1, pageCount) {
            let start = page * pageSize
            guard let type = PageType(rawValue: content[start + 25]), type == .hash || type == .hashUnsorted else { continue }
            let entries = reader.u16(start + 20)
            guard pageHeaderSize + entries * 2 <= pageSize else { continue }
            // Items are key/data pairs; data items sit at odd indexes.
            for index in stride(from: 1, to: entries, by: 2) {
                guard values.count < limit, let value = Self.item(index, page: start, pageSize: pageSize, entries: entries, reader: reader) else { continue }
                values.append(value)
            }
        }
        return values
    }

    /// A data item: inline (its length runs to the previous item's offset) or the overflow chain it points to.
    private static func item(_ index: Int, page start: Int, pageSize: Int, entries: Int, reader: Reader) -> [UInt8]? {
        let bytes = reader.bytes
        let offset = reader.u16(start + pageHeaderSize + index * 2)
        guard offset >= pageHeaderSize + entries * 2, offset < pageSize else { return nil }
        let end = index == 0 ? pageSize : reader.u16(start + pageHeaderSize + (index - 1) * 2)
        guard end > offset, end <= pageSize else { return nil }
        switch ItemType(rawValue: bytes[start + offset]) {
        case .keyData:
            return Array(bytes[(start + offset + 1)..<(start + end)])
        case .offPage:
            guard offset + 12 <= pageSize else { return nil }
            return overflow(first: reader.u32(start + offset + 4), length: reader.u32(start + offset + 8), pageSize: pageSize, reader: reader)
        case nil:
            return nil
        }
    }

    /// Follows an overflow chain: each page holds `hf_offset` bytes after its header.
    private static func overflow(first: Int, length: Int, pageSize: Int, reader: Reader) -> [UInt8]? {
        let bytes = reader.bytes
        guard length > 0, length <= 64 << 20 else { return nil }
        var value: [UInt8] = []
        value.reserveCapacity(length)
        var page = first
        var visited = 0
        while page != 0, value.count < length {
            let start = page * pageSize
            visited += 1
            guard visited <= bytes.count / pageSize, start + pageSize <= bytes.count, bytes[start + 25] == PageType.overflow.rawValue else { return nil }
            let used = reader.u16(start + 22)
            guard pageHeaderSize + used <= pageSize else { return nil }
            value += bytes[(start + pageHeaderSize)..<(start + pageHeaderSize + min(used, length - value.count))]
            page = reader.u32(start + 16)
        }
        return value.count == length ? value : nil
    }
}
