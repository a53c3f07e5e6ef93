import CGzip

/// Reads the members of a zip file (OSV's bulk `all.zip`) from memory: the central directory for
/// names and offsets, then each member stored or deflated. Names are never used as paths.
struct ZipArchive {
    struct Member {
        var name: String
        var method: UInt16
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
    }

    enum Failure: Error, CustomStringConvertible {
        case malformed(String)
        var description: String {
            switch self {
            case .malformed(let reason): "not a valid zip archive: \(reason)"
            }
        }
    }

    let bytes: [UInt8]
    let members: [Member]
    /// A member may inflate to at most this much; more is refused as a possible zip bomb.
    static let memberLimit = 64 << 20

    init(_ bytes: [UInt8]) throws(Failure) {
        self.bytes = bytes
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        // The end-of-central-directory record sits in the last 64 KiB + 22 bytes.
        guard bytes.count >= 22 else { throw .malformed("too short") }
        var end = bytes.count - 22
        let floor = max(0, bytes.count - 22 - 65_535)
        while end >= floor, !(bytes[end] == 0x50 && bytes[end + 1] == 0x4B && bytes[end + 2] == 5 && bytes[end + 3] == 6) { end -= 1 }
        guard end >= floor else { throw .malformed("no end of central directory") }
        func u64(_ at: Int) -> Int { u32(at) | u32(at + 4) << 32 }
        var count = u16(end + 10)
        var position = u32(end + 16)
        // ZIP64 (more than 65 535 members, as OSV's larger archives have): a locator right before
        // the end record points at the ZIP64 end record with the real count and offset.
        let locator = end - 20
        if count == 0xFFFF || position == 0xFFFF_FFFF, locator >= 0, u32(locator) == 0x0706_4B50 {
            let record = u64(locator + 8)
            guard record >= 0, record + 56 <= bytes.count, u32(record) == 0x0606_4B50 else { throw .malformed("the ZIP64 end record is damaged") }
            count = u64(record + 32)
            position = u64(record + 48)
        }
        var members: [Member] = []
        for _ in 0..<count {
            guard position + 46 <= bytes.count, u32(position) == 0x0201_4B50 else { throw .malformed("a central directory entry is damaged") }
            let nameLength = u16(position + 28)
            let next = position + 46 + nameLength + u16(position + 30) + u16(position + 32)
            guard next <= bytes.count else { throw .malformed("a central directory entry runs past the end") }
            members.append(Member(name: String(decoding: bytes[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self),
                                  method: UInt16(u16(position + 10)), compressedSize: u32(position + 20),
                                  uncompressedSize: u32(position + 24), localHeaderOffset: u32(position + 42)))
            position = next
        }
        self.members = members
    }

    /// The member's content.
    func content(of member: Member) throws(Failure) -> [UInt8] {
        let header = member.localHeaderOffset
        guard header + 30 <= bytes.count, bytes[header] == 0x50, bytes[header + 1] == 0x4B, bytes[header + 2] == 3, bytes[header + 3] == 4 else {
            throw .malformed("\(member.name): local header missing")
        }
        let start = header + 30 + (Int(bytes[header + 26]) | Int(bytes[header + 27]) << 8) + (Int(bytes[header + 28]) | Int(bytes[header + 29]) << 8)
        guard start + member.compressedSize <= bytes.count else { throw .malformed("\(member.name): data runs past the end") }
        let data = bytes[start..<(start + member.compressedSize)]
        switch member.method {
        case 0: return Array(data)
        case 8: return try Self.inflate(data, expected: member.uncompressedSize, name: member.name)
        default: throw .malformed("\(member.name): compression method \(member.method) is not supported")
        }
    }

    private static func inflate(_ data: ArraySlice<UInt8>, expected: Int, name: String) throws(Failure) -> [UInt8] {
        guard expected <= memberLimit else { throw .malformed("\(name) would expand to \(expected) bytes") }
        // zlib checks that the stream stays at one address between calls.
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deallocate() }
        guard inflateInit2_(stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else { throw .malformed("zlib could not start") }
        defer { inflateEnd(stream) }
        var output = [UInt8](repeating: 0, count: max(expected, 1))
        let status = data.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { out -> Int32 in
                stream.pointee.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
                stream.pointee.avail_in = UInt32(input.count)
                stream.pointee.next_out = out.bindMemory(to: Bytef.self).baseAddress
                stream.pointee.avail_out = UInt32(out.count)
                return CGzip.inflate(stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END, Int(stream.pointee.total_out) == expected else {
            throw .malformed("\(name) does not inflate to its recorded size")
        }
        return expected == 0 ? [] : output
    }
}
