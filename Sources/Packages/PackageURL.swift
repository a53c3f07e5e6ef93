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

extension PackageURL {
    /// The parts of a purl, percent-decoded; nil when the text is not `pkg:type/…name`.
    public struct Parts: Sendable, Equatable {
        public var type: String
        public var namespace: String?
        public var name: String
        public var version: String?
        public var qualifiers: [String: String]

        public init(type: String, namespace: String?, name: String, version: String?, qualifiers: [String: String]) {
            self.type = type
            self.namespace = namespace
            self.name = name
            self.version = version
            self.qualifiers = qualifiers
        }
    }

    public static func parse(_ text: String) -> Parts? {
        guard text.hasPrefix("pkg:") else { return nil }
        var rest = Substring(text.dropFirst(4))
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        var qualifiers: [String: String] = [:]
        if let question = rest.firstIndex(of: "?") {
            for pair in rest[rest.index(after: question)...].split(separator: "&") {
                let sides = pair.split(separator: "=", maxSplits: 1)
                if sides.count == 2 { qualifiers[sides[0].lowercased()] = decode(sides[1]) }
            }
            rest = rest[..<question]
        }
        var version: String?
        if let at = rest.lastIndex(of: "@"), let slash = rest.lastIndex(of: "/"), at > slash {
            version = decode(rest[rest.index(after: at)...])
            rest = rest[..<at]
        }
        var segments = rest.split(separator: "/", omittingEmptySubsequences: true)
        guard segments.count >= 2 else { return nil }
        let type = segments.removeFirst().lowercased()
        let name = decode(segments.removeLast())
        let namespace = segments.isEmpty ? nil : segments.map(decode).joined(separator: "/")
        return Parts(type: type, namespace: namespace, name: name, version: version, qualifiers: qualifiers)
    }

    static func decode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var index = text.utf8.startIndex
        let utf8 = text.utf8
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "%"), let high = utf8.index(index, offsetBy: 1, limitedBy: utf8.endIndex), high < utf8.endIndex,
               let low = utf8.index(high, offsetBy: 1, limitedBy: utf8.endIndex), low < utf8.endIndex,
               let value = UInt8(String(decoding: [utf8[high], utf8[low]], as: UTF8.self), radix: 16) {
                bytes.append(value)
                index = utf8.index(after: low)
            } else {
                bytes.append(byte)
                index = utf8.index(after: index)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
