import ContainerImage

/// Just enough of ELF to tell a static executable from a dynamic one: a dynamic one has a
/// PT_INTERP program header naming its loader.
enum ELFHeader {
    /// nil when `bytes` is not an ELF file or its program headers lie beyond what was read.
    static func isStatic(_ bytes: [UInt8]) -> Bool? {
        guard bytes.count >= 7, bytes[0] == 0x7F, bytes[1] == 0x45, bytes[2] == 0x4C, bytes[3] == 0x46 else { return nil }
        let is64 = bytes[4] == 2
        let littleEndian = bytes[5] == 1
        func read(_ offset: Int, _ size: Int) -> Int? {
            guard offset >= 0, offset + size <= bytes.count else { return nil }
            var value = 0
            for index in 0..<size {
                let byte = Int(bytes[littleEndian ? offset + size - 1 - index : offset + index])
                value = value << 8 | byte
            }
            return value
        }
        guard let programHeaders = read(is64 ? 0x20 : 0x1C, is64 ? 8 : 4), let entrySize = read(is64 ? 0x36 : 0x2A, 2),
              let count = read(is64 ? 0x38 : 0x2C, 2), entrySize > 0, count < 4096 else { return nil }
        for index in 0..<count {
            guard let type = read(programHeaders + index * entrySize, 4) else { return nil }
            if type == 3 { return false }
        }
        return true
    }
}

extension ELFHeader {
    /// A 64-bit little-endian ELF header with one program header: PT_INTERP when `dynamic`, else
    /// PT_LOAD. Rule examples write it as `<static ELF executable>` or `<dynamic ELF executable>`.
    static func sample(dynamic: Bool) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 64 + 56)
        bytes.replaceSubrange(0..<7, with: [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1])
        bytes[0x20] = 64      // e_phoff
        bytes[0x36] = 56      // e_phentsize
        bytes[0x38] = 1       // e_phnum
        bytes[64] = dynamic ? 3 : 1
        return bytes
    }
}
