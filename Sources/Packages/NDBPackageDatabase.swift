/// The header blobs of rpm's NDB database (`Packages.db`: SUSE since rpm 4.16), read without
/// librpm. The file is a 32-byte header, then slot pages of 16-byte slots (magic, package index,
/// block offset, block count), then the blobs, each in 16-byte blocks framed by a head (magic,
/// package index, timestamp, length) and a tail (adler32, length, magic). All integers are little
/// endian (rpm's `lib/backend/ndb/rpmpkg.c`).
///
/// rpm refuses the whole database when one slot is bad; a scanner does better to report what
/// survives, so a damaged slot or blob becomes an empty blob, which the cataloger reports as a
/// malformed header, and the other packages are still read. Like rpm, reading does not verify the
/// adler32 checksum.
enum NDBPackageDatabase {
    static let fileMagic = magic("RpmP")
    static let slotMagic = magic("Slot")
    static let blobHeadMagic = magic("BlbS")
    static let blobTailMagic = magic("BlbE")
    static let headerSize = 32
    static let slotSize = 16
    static let blockSize = 16
    static let slotPageSize = 4096
    static let blobHeadSize = 16
    static let blobTailSize = 12

    private static func magic(_ text: StaticString) -> UInt32 {
        text.withUTF8Buffer { bytes in bytes.reversed().reduce(0) { $0 << 8 | UInt32($1) } }
    }

    /// nil when `content` is not an NDB database of a version this reader knows.
    static func headerBlobs(_ content: [UInt8], limit: Int = 200_000) -> [[UInt8]]? {
        func u32(_ offset: Int) -> UInt32 { UInt32(content.unsigned32(at: offset)) }
        guard content.count >= slotPageSize, u32(0) == fileMagic, u32(4) == 0 else { return nil }
        let slotPages = Int(u32(12))
        guard slotPages >= 1, slotPages <= content.count / slotPageSize else { return nil }
        let fileBlocks = content.count / blockSize
        let firstDataBlock = slotPages * slotPageSize / blockSize
        var slots: [(index: UInt32, offset: Int, count: Int)] = []
        for slot in stride(from: headerSize, to: slotPages * slotPageSize, by: slotSize) where slots.count < limit {
            let offset = Int(u32(slot + 8))
            if u32(slot) == slotMagic, offset == 0 { continue }
            let count = Int(u32(slot + 12))
            guard u32(slot) == slotMagic, u32(slot + 4) != 0, offset >= firstDataBlock, count > 0, offset + count <= fileBlocks else {
                slots.append((0, 0, 0))
                continue
            }
            slots.append((u32(slot + 4), offset, count))
        }
        // rpm lists packages in the order of their blobs.
        return slots.sorted { $0.offset < $1.offset }.map { slot in
            guard slot.count > 0 else { return [] }
            let start = slot.offset * blockSize
            let length = Int(u32(start + 12))
            guard u32(start) == blobHeadMagic, u32(start + 4) == slot.index,
                  slot.count == (blobHeadSize + length + blobTailSize + blockSize - 1) / blockSize else { return [] }
            let tail = (slot.offset + slot.count) * blockSize - blobTailSize
            guard Int(u32(tail + 4)) == length, u32(tail + 8) == blobTailMagic else { return [] }
            return Array(content[(start + blobHeadSize)..<(start + blobHeadSize + length)])
        }
    }
}
