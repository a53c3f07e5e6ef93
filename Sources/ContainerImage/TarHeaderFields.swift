/// Field decoding for one 512-byte tar header block (ustar, GNU and old V7 layouts).
struct TarHeaderFields {
    let block: UnsafeRawBufferPointer

    func byte(_ offset: Int) -> UInt8 { block[offset] }

    /// A NUL-terminated string field.
    func text(_ offset: Int, _ length: Int) -> [UInt8] {
        var end = offset
        while end < offset + length, block[end] != 0 { end += 1 }
        return Array(block[offset..<end])
    }

    /// An octal number, or GNU base-256 when the high bit of the first byte is set.
    func number(_ offset: Int, _ length: Int) -> Int64? {
        let first = block[offset]
        if first & 0x80 != 0 {
            guard first == 0x80 else { return nil }  // 0xFF marks a negative number, which no field may hold
            var value: Int64 = 0
            for index in offset + 1..<offset + length {
                guard value <= (Int64.max >> 8) else { return nil }
                value = value << 8 | Int64(block[index])
            }
            return value
        }
        var index = offset
        let end = offset + length
        while index < end, block[index] == 0x20 || block[index] == 0 { index += 1 }
        var value: Int64 = 0
        var digits = 0
        while index < end, (0x30...0x37).contains(block[index]) {
            guard value <= (Int64.max >> 3) else { return nil }
            value = value << 3 | Int64(block[index] - 0x30)
            index += 1
            digits += 1
        }
        while index < end {
            guard block[index] == 0x20 || block[index] == 0 else { return nil }
            index += 1
        }
        return value
    }

    var isZero: Bool { block.allSatisfy { $0 == 0 } }

    /// The header checksum treats its own field as spaces; old tars summed signed bytes.
    var hasValidChecksum: Bool {
        guard let stored = number(148, 8) else { return false }
        var unsigned: Int64 = 0
        var signed: Int64 = 0
        for (index, byte) in block.enumerated() {
            let value = (148..<156).contains(index) ? UInt8(0x20) : byte
            unsigned += Int64(value)
            signed += Int64(Int8(bitPattern: value))
        }
        return stored == unsigned || stored == signed
    }

    /// POSIX ustar carries a name prefix; GNU tar uses those bytes for other fields.
    var isPOSIXUstar: Bool { block[257..<263].elementsEqual(Array("ustar\0".utf8)) }
}
