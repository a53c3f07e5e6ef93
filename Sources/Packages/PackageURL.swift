/// Package URLs (github.com/package-url/purl-spec): `pkg:type/namespace/name@version?qualifiers`,
/// qualifiers sorted by key, components percent-encoded as syft's packageurl-go writes them.
public enum PackageURL {
    public static func make(type: String, namespace: String? = nil, name: String, version: String?,
                            qualifiers: [String: String] = [:]) -> String {
        var text = "pkg:" + type + "/"
        if let namespace, !namespace.isEmpty {
            text += namespace.split(separator: "/").map { encode(String($0)) }.joined(separator: "/") + "/"
        }
        text += encode(name)
        if let version, !version.isEmpty { text += "@" + encode(version, keeping: ":") }
        let present = qualifiers.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }
        if !present.isEmpty {
            text += "?" + present.map { $0.key + "=" + encode($0.value, keeping: ":/") }.joined(separator: "&")
        }
        return text
    }

    /// Unreserved characters stay; everything else (and `+`, `@`, spaces) is `%XX`.
    static func encode(_ text: String, keeping extra: String = "") -> String {
        let kept = Set(extra.utf8)
        var output = ""
        for byte in text.utf8 {
            let isUnreserved = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
            if isUnreserved || kept.contains(byte) {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let digits = Array("0123456789ABCDEF".unicodeScalars)
                output += "%" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
            }
        }
        return output
    }
}
