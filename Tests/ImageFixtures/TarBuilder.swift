/// Writes tar streams byte by byte, including the odd corners (pax, GNU long names, sparse
/// headers, whiteouts, bogus sizes) that the reader must handle.
public struct TarBuilder {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public struct Header {
        public var name: String
        public var typeflag: UInt8 = UInt8(ascii: "0")
        public var size: Int = 0
        public var mode: Int = 0o644
        public var uid: Int = 0
        public var gid: Int = 0
        public var linkName: String = ""
        public var prefix: String = ""
        public var gnuMagic = false
        /// Written into the size field instead of `size` (a header that lies about its data).
        public var claimedSize: Int?
        /// Old GNU sparse: the logical size at offset 483.
        public var realSize: Int?

        public init(name: String, typeflag: UInt8 = UInt8(ascii: "0"), size: Int = 0) {
            self.name = name
            self.typeflag = typeflag
            self.size = size
        }
    }

    public mutating func file(_ name: String, _ content: [UInt8], mode: Int = 0o644) {
        var header = Header(name: name, size: content.count)
        header.mode = mode
        entry(header, data: content)
    }

    public mutating func file(_ name: String, size: Int) {
        file(name, [UInt8](repeating: UInt8(ascii: "x"), count: size))
    }

    public mutating func directory(_ name: String) {
        var header = Header(name: name.hasSuffix("/") ? name : name + "/", typeflag: UInt8(ascii: "5"))
        header.mode = 0o755
        entry(header, data: [])
    }

    public mutating func symlink(_ name: String, to target: String) {
        var header = Header(name: name, typeflag: UInt8(ascii: "2"))
        header.linkName = target
        entry(header, data: [])
    }

    public mutating func hardLink(_ name: String, to target: String) {
        var header = Header(name: name, typeflag: UInt8(ascii: "1"))
        header.linkName = target
        entry(header, data: [])
    }

    public mutating func pax(_ records: [(String, String)], global: Bool = false) {
        var data: [UInt8] = []
        for (key, value) in records {
            let body = " \(key)=\(value)\n"
            var length = body.utf8.count + 1
            while String(length).count + body.utf8.count != length { length = String(length).count + body.utf8.count }
            data += Array("\(length)\(body)".utf8)
        }
        entry(Header(name: "PaxHeaders/x", typeflag: UInt8(ascii: global ? "g" : "x"), size: data.count), data: data)
    }

    public mutating func gnuLongName(_ name: String, typeflag: Character = "L") {
        let data = Array(name.utf8) + [0]
        var header = Header(name: "././@LongLink", typeflag: typeflag.asciiValue ?? 0, size: data.count)
        header.gnuMagic = true
        entry(header, data: data)
    }

    /// A header followed by `data` padded to a block.
    public mutating func entry(_ header: Header, data: [UInt8]) {
        var block = [UInt8](repeating: 0, count: 512)
        func put(_ text: [UInt8], _ offset: Int, _ length: Int) {
            for (index, byte) in text.prefix(length).enumerated() { block[offset + index] = byte }
        }
        func octal(_ value: Int, _ offset: Int, _ length: Int) {
            let digits = String(value, radix: 8)
            put(Array((String(repeating: "0", count: max(0, length - 1 - digits.count)) + digits).utf8), offset, length - 1)
        }
        put(Array(header.name.utf8), 0, 100)
        octal(header.mode, 100, 8)
        octal(header.uid, 108, 8)
        octal(header.gid, 116, 8)
        octal(header.claimedSize ?? header.size, 124, 12)
        octal(0, 136, 12)
        block[156] = header.typeflag
        put(Array(header.linkName.utf8), 157, 100)
        if header.gnuMagic {
            put(Array("ustar  \0".utf8), 257, 8)
        } else {
            put(Array("ustar\0".utf8), 257, 6)
            put(Array("00".utf8), 263, 2)
            put(Array(header.prefix.utf8), 345, 155)
        }
        if let realSize = header.realSize { octal(realSize, 483, 12) }
        for index in 148..<156 { block[index] = 0x20 }
        let sum = block.reduce(0) { $0 + Int($1) }
        octal(sum, 148, 7)
        block[155] = 0x20
        bytes += block
        bytes += data
        bytes += [UInt8](repeating: 0, count: (512 - data.count % 512) % 512)
    }

    /// The archive with its two end-of-archive blocks.
    public var archive: [UInt8] { bytes + [UInt8](repeating: 0, count: 1024) }

    /// A whiteout for `path` (`dir/.wh.name`).
    public mutating func whiteout(_ path: String) {
        let parts = path.split(separator: "/")
        let name = ".wh." + (parts.last.map(String.init) ?? path)
        file(parts.dropLast().isEmpty ? name : parts.dropLast().joined(separator: "/") + "/" + name, [])
    }

    /// An opaque marker: the directory's lower-layer contents are hidden.
    public mutating func opaque(_ directory: String) {
        file(directory + "/.wh..wh..opq", [])
    }
}
