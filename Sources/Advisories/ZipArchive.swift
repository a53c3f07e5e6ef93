import Packages

/// Where a zip's bytes are: in memory, or in a file read piece by piece (so a 300 MB archive is
/// never held whole).
protocol ZipBytes {
    var size: Int { get }
    /// `count` bytes from `offset`; fewer only at the end.
    func read(_ offset: Int, _ count: Int) throws(ZipArchive.Failure) -> [UInt8]
}

extension Array: ZipBytes where Element == UInt8 {
    var size: Int { count }
    func read(_ offset: Int, _ count: Int) throws(ZipArchive.Failure) -> [UInt8] {
        guard offset >= 0, offset <= self.count else { throw .malformed("an offset points past the end") }
        return Array(self[offset..<Swift.min(self.count, offset + count)])
    }
}

/// Reads the members of a zip file (OSV's bulk `all.zip`): the central directory for names and
/// offsets, then each member stored or deflated. Names are never used as paths.
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
        /// The file itself cannot be read (missing, a directory, an I/O error).
        case unreadable(String)
        var description: String {
            switch self {
            case .malformed(let reason): "not a valid zip archive: \(reason)"
            case .unreadable(let reason): reason
            }
        }
    }

    let bytes: any ZipBytes
    let members: [Member]
    /// A member may inflate to at most this much; more is refused as a possible zip bomb.
    static let memberLimit = 64 << 20

    init(_ bytes: any ZipBytes) throws(Failure) {
        self.bytes = bytes
        // The end-of-central-directory record sits in the last 64 KiB + 22 bytes.
        guard bytes.size >= 22 else { throw .malformed("too short") }
        let tailStart = max(0, bytes.size - 22 - 65_535)
        let tail = try bytes.read(tailStart, bytes.size - tailStart)
        var end = tail.count - 22
        while end >= 0, !(tail[end] == 0x50 && tail[end + 1] == 0x4B && tail[end + 2] == 5 && tail[end + 3] == 6) { end -= 1 }
        guard end >= 0 else { throw .malformed("no end of central directory") }
        var count = Self.u16(tail, end + 10)
        var position = Self.u32(tail, end + 16)
        var directorySize = Self.u32(tail, end + 12)
        // ZIP64 (more than 65 535 members, as OSV's larger archives have): a locator right before
        // the end record points at the ZIP64 end record with the real count, size and offset.
        let locator = end - 20
        if count == 0xFFFF || position == 0xFFFF_FFFF, locator >= 0, Self.u32(tail, locator) == 0x0706_4B50 {
            let recordOffset = Self.u64(tail, locator + 8)
            let record = try bytes.read(recordOffset, 56)
            guard record.count == 56, Self.u32(record, 0) == 0x0606_4B50 else { throw .malformed("the ZIP64 end record is damaged") }
            count = Self.u64(record, 32)
            directorySize = Self.u64(record, 40)
            position = Self.u64(record, 48)
        }
        guard position >= 0, directorySize >= 0, position + directorySize <= bytes.size else { throw .malformed("the central directory runs past the end") }
        let directory = try bytes.read(position, directorySize)
        var members: [Member] = []
        var at = 0
        for _ in 0..<count {
            guard at + 46 <= directory.count, Self.u32(directory, at) == 0x0201_4B50 else { throw .malformed("a central directory entry is damaged") }
            let nameLength = Self.u16(directory, at + 28)
            let next = at + 46 + nameLength + Self.u16(directory, at + 30) + Self.u16(directory, at + 32)
            guard next <= directory.count else { throw .malformed("a central directory entry runs past the end") }
            members.append(Member(name: String(decoding: directory[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self),
                                  method: UInt16(Self.u16(directory, at + 10)), compressedSize: Self.u32(directory, at + 20),
                                  uncompressedSize: Self.u32(directory, at + 24), localHeaderOffset: Self.u32(directory, at + 42)))
            at = next
        }
        self.members = members
    }

    private static func u16(_ bytes: [UInt8], _ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    private static func u32(_ bytes: [UInt8], _ at: Int) -> Int { u16(bytes, at) | u16(bytes, at + 2) << 16 }
    private static func u64(_ bytes: [UInt8], _ at: Int) -> Int { u32(bytes, at) | u32(bytes, at + 4) << 32 }

    /// The member's content.
    func content(of member: Member) throws(Failure) -> [UInt8] {
        let header = try bytes.read(member.localHeaderOffset, 30)
        guard header.count == 30, header[0] == 0x50, header[1] == 0x4B, header[2] == 3, header[3] == 4 else {
            throw .malformed("\(member.name): local header missing")
        }
        let start = member.localHeaderOffset + 30 + Self.u16(header, 26) + Self.u16(header, 28)
        let data = try bytes.read(start, member.compressedSize)
        guard data.count == member.compressedSize else { throw .malformed("\(member.name): data runs past the end") }
        switch member.method {
        case 0: return data
        case 8:
            guard member.uncompressedSize <= Self.memberLimit else { throw .malformed("\(member.name) would expand to \(member.uncompressedSize) bytes") }
            do {
                return try RawInflater.inflate(data, expected: member.uncompressedSize, limit: Self.memberLimit)
            } catch {
                throw .malformed("\(member.name) does not inflate to its recorded size")
            }
        default: throw .malformed("\(member.name): compression method \(member.method) is not supported")
        }
    }
}
