/// An RPM package header as rpmdb stores it: index entries (tag, type, offset, count) over a data
/// store, all big-endian. Only the tags an inventory needs are read; every offset is bounds-checked.
struct RPMHeader {
    enum Tag: Int32 {
        case name = 1000
        case version = 1001
        case release = 1002
        case epoch = 1003
        case license = 1014
        case architecture = 1022
        case sourceRPM = 1044
    }

    private let blob: [UInt8]
    private var entries: [Int32: (type: Int32, offset: Int, count: Int)] = [:]
    private let dataStart: Int

    init?(_ blob: [UInt8]) {
        guard blob.count >= 8 else { return nil }
        func int32(_ at: Int) -> Int32 { Int32(bitPattern: UInt32(blob.unsigned32(at: at, bigEndian: true))) }
        let indexCount = Int(int32(0))
        let dataLength = Int(int32(4))
        guard indexCount > 0, indexCount < 100_000, dataLength >= 0, 8 + indexCount * 16 + dataLength <= blob.count else { return nil }
        self.blob = blob
        dataStart = 8 + indexCount * 16
        for index in 0..<indexCount {
            let at = 8 + index * 16
            let offset = Int(int32(at + 8))
            guard offset >= 0, offset < dataLength else { continue }
            entries[int32(at)] = (int32(at + 4), offset, Int(int32(at + 12)))
        }
    }

    /// STRING and I18NSTRING (first value) tags.
    func string(_ tag: Tag) -> String? {
        guard let entry = entries[tag.rawValue], entry.type == 6 || entry.type == 9 || entry.type == 8 else { return nil }
        let start = dataStart + entry.offset
        guard let end = blob[start...].firstIndex(of: 0) else { return nil }
        return String(decoding: blob[start..<end], as: UTF8.self)
    }

    /// INT32 tags (first value).
    func int32(_ tag: Tag) -> Int32? {
        guard let entry = entries[tag.rawValue], entry.type == 4, entry.count > 0 else { return nil }
        let start = dataStart + entry.offset
        guard start + 4 <= blob.count else { return nil }
        return Int32(bitPattern: UInt32(blob.unsigned32(at: start, bigEndian: true)))
    }
}
