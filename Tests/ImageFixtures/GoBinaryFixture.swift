/// Go executables for tests: an ELF header, filler, and a Go 1.18+ build-information blob as the
/// linker writes it (magic, pointer size, inline-strings flag, padding to 32 bytes, then the Go
/// version and the sentinel-framed module text as uvarint-prefixed strings).
public enum GoBinaryFixture {
    public static func buildInfo(version: String, modules: String) -> [UInt8] {
        func uvarint(_ value: Int) -> [UInt8] {
            var value = value
            var bytes: [UInt8] = []
            while value >= 0x80 {
                bytes.append(UInt8(value & 0x7F) | 0x80)
                value >>= 7
            }
            return bytes + [UInt8(value)]
        }
        let sentinel = [UInt8](repeating: 0x30, count: 16)
        let moduleBytes = sentinel + Array(modules.utf8) + sentinel
        var blob: [UInt8] = [0xFF] + Array(" Go buildinf:".utf8) + [8, 2]
        blob += [UInt8](repeating: 0, count: 32 - blob.count)
        return blob + uvarint(version.utf8.count) + Array(version.utf8) + uvarint(moduleBytes.count) + moduleBytes
    }

    /// An ELF-looking executable with the blob deep inside it, at a 16-byte boundary as the linker puts it.
    public static func executable(version: String = "go1.22.3", modules: String, padding: Int = 300_012) -> [UInt8] {
        let filler = padding + (16 - (4 + padding) % 16) % 16
        return [0x7F, 0x45, 0x4C, 0x46] + [UInt8](repeating: 0xFF, count: filler) + buildInfo(version: version, modules: modules)
            + [UInt8](repeating: 0, count: 5000)
    }
}
