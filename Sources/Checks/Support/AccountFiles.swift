import ContainerImage

/// `/etc/passwd`, `/etc/group` and `/etc/shadow` as colon-separated records. Only the first MiB of
/// each is read during the layer pass, so a hostile 50 MB passwd costs no more than a real one.
struct AccountFiles {
    struct Record {
        var fields: [Substring]
        var line: Int
        subscript(_ index: Int) -> Substring { index < fields.count ? fields[index] : "" }
    }

    static func records(_ bytes: [UInt8]?) -> [Record] {
        guard let bytes else { return [] }
        let text = String(decoding: bytes, as: UTF8.self)
        var records: [Record] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            records.append(Record(fields: line.split(separator: ":", omittingEmptySubsequences: false), line: number + 1))
        }
        return records
    }
}
