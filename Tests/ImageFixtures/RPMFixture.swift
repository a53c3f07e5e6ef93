/// rpm databases for tests, built byte by byte as rpm writes them.
public enum RPMFixture {
    /// An RPM header blob: (tag, type, value) entries; strings are type 6, integers type 4.
    public static func header(_ entries: [(Int32, Int32, Any)]) -> [UInt8] {
        func bigEndian(_ value: Int32) -> [UInt8] { withUnsafeBytes(of: value.bigEndian) { Array($0) } }
        var index: [UInt8] = []
        var data: [UInt8] = []
        for (tag, type, value) in entries {
            if type == 4, data.count % 4 != 0 { data += [UInt8](repeating: 0, count: 4 - data.count % 4) }
            index += bigEndian(tag) + bigEndian(type) + bigEndian(Int32(data.count)) + bigEndian(1)
            if let text = value as? String { data += Array(text.utf8) + [0] }
            if let number = value as? Int32 { data += bigEndian(number) }
        }
        return bigEndian(Int32(entries.count)) + bigEndian(Int32(data.count)) + index + data
    }

    /// An NDB `Packages.db` of `headers`, laid out as rpm's rpmpkg.c writes it: header, slot pages
    /// (every slot stamped, unused ones empty), then each blob in 16-byte blocks with head, padding
    /// and tail. `emptySlots` leaves that many free slots before the first used one, as deleting
    /// packages does.
    public static func ndbDatabase(_ headers: [[UInt8]], slotPages: Int = 1, emptySlots: Int = 0) -> [UInt8] {
        func littleEndian(_ value: Int) -> [UInt8] { withUnsafeBytes(of: UInt32(value).littleEndian) { Array($0) } }
        func adler32(_ bytes: [UInt8]) -> Int {
            var (low, high) = (1, 0)
            for byte in bytes { low = (low + Int(byte)) % 65521; high = (high + low) % 65521 }
            return high << 16 | low
        }
        var file = Array("RpmP".utf8) + littleEndian(0) + littleEndian(headers.count) + littleEndian(slotPages) + littleEndian(headers.count + 1)
        file += [UInt8](repeating: 0, count: 32 - file.count)
        for _ in stride(from: 32, to: slotPages * 4096, by: 16) { file += Array("Slot".utf8) + [UInt8](repeating: 0, count: 12) }
        for (number, header) in headers.enumerated() {
            let blocks = (16 + header.count + 12 + 15) / 16
            let slot = 32 + (emptySlots + number) * 16
            file.replaceSubrange((slot + 4)..<(slot + 16), with: littleEndian(number + 1) + littleEndian(file.count / 16) + littleEndian(blocks))
            let body = Array("BlbS".utf8) + littleEndian(number + 1) + littleEndian(1_700_000_000) + littleEndian(header.count) + header
                + [UInt8](repeating: 0, count: blocks * 16 - 16 - header.count - 12)
            file += body + littleEndian(adler32(body)) + littleEndian(header.count) + Array("BlbE".utf8)
        }
        return file
    }
}
