/// The value of `RUN --mount=…`: comma-separated `key=value` fields (BuildKit reads them as CSV).
public struct MountOptions: Sendable, Hashable {
    public var fields: [String: String]

    public init(_ value: String) {
        var fields: [String: String] = [:]
        for field in Self.splitCSV(value) {
            let parts = field.split(separator: "=", maxSplits: 1).map(String.init)
            guard let key = parts.first?.lowercased(), !key.isEmpty else { continue }
            fields[key] = parts.count > 1 ? parts[1] : "true"
        }
        self.fields = fields
    }

    /// `bind` when not given, as in BuildKit.
    public var type: String { fields["type"]?.lowercased() ?? "bind" }
    public var target: String? { fields["target"] ?? fields["dst"] ?? fields["destination"] }
    public var source: String? { fields["source"] ?? fields["src"] }
    public var from: String? { fields["from"] }

    /// A cache mount whose target is `path` or a parent of it.
    public func cachesPath(_ path: String) -> Bool {
        type == "cache" && targetCovers(path)
    }

    /// A cache or tmpfs mount whose target is `path` or a parent of it: what the RUN writes there never reaches its layer.
    public func keepsOutOfLayer(_ path: String) -> Bool {
        (type == "cache" || type == "tmpfs") && targetCovers(path)
    }

    private func targetCovers(_ path: String) -> Bool {
        guard var target else { return false }
        while target.count > 1, target.hasSuffix("/") { target.removeLast() }
        return path == target || path.hasPrefix(target == "/" ? "/" : target + "/")
    }

    private static func splitCSV(_ text: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        for character in text {
            if character == "\"" { quoted.toggle(); continue }
            if character == ",", !quoted {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
        }
        fields.append(field)
        return fields
    }
}
