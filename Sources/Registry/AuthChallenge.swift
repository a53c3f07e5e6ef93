import ContainerImage
/// A `WWW-Authenticate` challenge: `Bearer realm="…",service="…",scope="…"` or `Basic realm="…"`.
struct AuthChallenge: Sendable, Equatable {
    enum Scheme: Sendable, Equatable {
        case bearer, basic
    }

    var scheme: Scheme
    var parameters: [String: String]

    /// The first challenge of a scheme plimsoll speaks; nil for none (or only unknown schemes).
    init?(header: String) {
        var scanner = Substring(header)
        while !scanner.isEmpty {
            let name = Self.token(&scanner).lowercased()
            let parameters = Self.parameters(&scanner)
            switch name {
            case "bearer": self.init(scheme: .bearer, parameters: parameters)
            case "basic": self.init(scheme: .basic, parameters: parameters)
            default: continue
            }
            return
        }
        return nil
    }

    init(scheme: Scheme, parameters: [String: String]) {
        self.scheme = scheme
        self.parameters = parameters
    }

    private static func token(_ text: inout Substring) -> Substring {
        text = text.drop { $0 == " " || $0 == "," }
        let end = text.firstIndex { $0 == " " || $0 == "," || $0 == "=" } ?? text.endIndex
        defer { text = text[end...] }
        return text[..<end]
    }

    /// `key=value` or `key="quoted \" value"` pairs, up to the next scheme name.
    private static func parameters(_ text: inout Substring) -> [String: String] {
        var parameters: [String: String] = [:]
        while true {
            let rest = text.drop { $0 == " " || $0 == "," }
            let end = rest.firstIndex { $0 == " " || $0 == "," || $0 == "=" } ?? rest.endIndex
            guard end < rest.endIndex, rest[end] == "=" else { return parameters }
            let key = rest[..<end].lowercased()
            var cursor = rest[rest.index(after: end)...]
            var value = ""
            if cursor.first == "\"" {
                cursor = cursor.dropFirst()
                var escaped = false
                while let character = cursor.first {
                    cursor = cursor.dropFirst()
                    if escaped {
                        value.append(character)
                        escaped = false
                    } else if character == "\\" {
                        escaped = true
                    } else if character == "\"" {
                        break
                    } else {
                        value.append(character)
                    }
                }
            } else {
                let stop = cursor.firstIndex { $0 == "," || $0 == " " } ?? cursor.endIndex
                value = String(cursor[..<stop])
                cursor = cursor[stop...]
            }
            parameters[key] = value
            text = cursor
        }
    }
}
