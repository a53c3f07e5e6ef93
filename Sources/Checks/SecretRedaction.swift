import SecretScanning

/// Masks secret values inside free text such as a history entry's `created_by`, so reports can show
/// the command without the credential: token matches, and the values of `KEY=value` words whose key
/// or value marks a secret (`|1 PASSWORD=…`, `ENV API_TOKEN=…`).
enum SecretRedaction {
    static func redact(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var replacements: [(range: Range<Int>, masked: String)] = SecretScanner.scan(bytes).compactMap { match in
            match.range.map { ($0, match.masked) }
        }
        var start = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: " ") {
            defer { start = index + 1 }
            guard let equals = bytes[start..<index].firstIndex(of: UInt8(ascii: "=")) else { continue }
            let key = String(decoding: bytes[start..<equals], as: UTF8.self)
            let value = String(decoding: bytes[(equals + 1)..<index], as: UTF8.self)
            if let masked = SecretAssignment.masked(key: key, value: value) { replacements.append(((equals + 1)..<index, masked)) }
        }
        guard !replacements.isEmpty else { return text }
        var output: [UInt8] = []
        var position = 0
        for replacement in replacements.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) where replacement.range.lowerBound >= position {
            output += bytes[position..<replacement.range.lowerBound]
            output += Array("<redacted: \(replacement.masked)>".utf8)
            position = replacement.range.upperBound
        }
        output += bytes[position...]
        return String(decoding: output, as: UTF8.self)
    }
}
