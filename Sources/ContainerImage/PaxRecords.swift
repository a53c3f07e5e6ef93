/// Parses pax extended header data: records of the form `"%d %s=%s\n"`.
enum PaxRecords {
    static func parse(_ data: [UInt8]) -> [String: String]? {
        var records: [String: String] = [:]
        var index = 0
        while index < data.count {
            var length = 0
            var cursor = index
            while cursor < data.count, (0x30...0x39).contains(data[cursor]) {
                length = length * 10 + Int(data[cursor] - 0x30)
                guard length <= data.count else { return nil }
                cursor += 1
            }
            guard cursor < data.count, data[cursor] == 0x20, length > 0, index + length <= data.count,
                  data[index + length - 1] == 0x0A else { return nil }
            let record = data[(cursor + 1)..<(index + length - 1)]
            guard let equals = record.firstIndex(of: UInt8(ascii: "=")) else { return nil }
            let key = String(decoding: record[..<equals], as: UTF8.self)
            records[key] = String(decoding: record[(equals + 1)...], as: UTF8.self)
            index += length
        }
        return records
    }
}
