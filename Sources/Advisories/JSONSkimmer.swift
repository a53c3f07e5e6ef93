/// A small, fast JSON reader for the few fields an import indexes: it walks the whole document
/// (so malformed JSON is still refused) but builds values only for strings, arrays and objects,
/// and refuses nesting deeper than 64 levels.
enum JSONSkimmer {
    indirect enum Value {
        case string(String)
        case array([Value])
        case object([(String, Value)])
        case other

        subscript(_ key: String) -> Value? {
            guard case .object(let members) = self else { return nil }
            return members.first { $0.0 == key }?.1
        }

        var string: String? {
            if case .string(let text) = self { return text }
            return nil
        }

        var array: [Value]? {
            if case .array(let items) = self { return items }
            return nil
        }
    }

    /// With `keeping`, members of the top-level object outside it are checked but not built.
    static func parse(_ bytes: [UInt8], keeping: Set<String>? = nil) -> Value? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(bytes: buffer, keeping: keeping)
            guard let value = reader.value(depth: 0) else { return nil }
            reader.skipSpace()
            return reader.position == buffer.count ? value : nil
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        let keeping: Set<String>?
        var position = 0

        init(bytes: UnsafeBufferPointer<UInt8>, keeping: Set<String>?) {
            self.bytes = bytes
            self.keeping = keeping
        }

        mutating func skipSpace() {
            while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x0A || bytes[position] == 0x0D || bytes[position] == 0x09 {
                position += 1
            }
        }

        mutating func value(depth: Int) -> Value? {
            guard depth < 64 else { return nil }
            skipSpace()
            guard position < bytes.count else { return nil }
            switch bytes[position] {
            case UInt8(ascii: "\""): return string().map(Value.string)
            case UInt8(ascii: "["):
                var items: [Value] = []
                if opensEmpty(closing: UInt8(ascii: "]")) { return .array(items) }
                while true {
                    guard let item = value(depth: depth + 1) else { return nil }
                    items.append(item)
                    guard let closed = endsContainer(UInt8(ascii: "]")) else { return nil }
                    if closed { return .array(items) }
                }
            case UInt8(ascii: "{"):
                var members: [(String, Value)] = []
                if opensEmpty(closing: UInt8(ascii: "}")) { return .object(members) }
                while true {
                    guard atKey(), let key = string(), colon() else { return nil }
                    if depth == 0, let keeping, !keeping.contains(key) {
                        guard skip(depth: depth + 1) else { return nil }
                    } else {
                        guard let item = value(depth: depth + 1) else { return nil }
                        members.append((key, item))
                    }
                    guard let closed = endsContainer(UInt8(ascii: "}")) else { return nil }
                    if closed { return .object(members) }
                }
            default:
                // Numbers, true, false, null: checked for their characters, not converted.
                let start = position
                while position < bytes.count, let byte = Optional(bytes[position]),
                      (0x30...0x39).contains(byte) || "+-.eEtruefalsn".utf8.contains(byte) {
                    position += 1
                }
                return position > start ? .other : nil
            }
        }

        /// Walks one value as `value` would, building nothing.
        mutating func skip(depth: Int) -> Bool {
            guard depth < 64 else { return false }
            skipSpace()
            guard position < bytes.count else { return false }
            switch bytes[position] {
            case UInt8(ascii: "\""): return skipString()
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                let isObject = bytes[position] == UInt8(ascii: "{")
                let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if opensEmpty(closing: close) { return true }
                while true {
                    if isObject { guard atKey(), skipString(), colon() else { return false } }
                    guard skip(depth: depth + 1) else { return false }
                    guard let closed = endsContainer(close) else { return false }
                    if closed { return true }
                }
            default:
                return value(depth: depth) != nil
            }
        }

        /// Consumes a container's opening byte and the blanks after it; true when `close` follows at
        /// once, and then consumes it too.
        mutating func opensEmpty(closing close: UInt8) -> Bool {
            position += 1
            skipSpace()
            guard position < bytes.count, bytes[position] == close else { return false }
            position += 1
            return true
        }

        /// After a container's element: true at `close`, false at a comma (either consumed), nil at
        /// anything else.
        mutating func endsContainer(_ close: UInt8) -> Bool? {
            skipSpace()
            guard position < bytes.count else { return nil }
            if bytes[position] == close {
                position += 1
                return true
            }
            guard bytes[position] == UInt8(ascii: ",") else { return nil }
            position += 1
            return false
        }

        /// Blanks skipped, whether a member's key (a string) starts here.
        mutating func atKey() -> Bool {
            skipSpace()
            return position < bytes.count && bytes[position] == UInt8(ascii: "\"")
        }

        /// Consumes the blanks and the colon after a member's key.
        mutating func colon() -> Bool {
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return false }
            position += 1
            return true
        }

        mutating func skipString() -> Bool {
            position += 1
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    position += 1
                    return true
                }
                if byte < 0x20 { return false }
                position += byte == UInt8(ascii: "\\") ? 2 : 1
            }
            return false
        }

        /// A string at `position` (which is a quote); escapes decoded, `\\u` included.
        mutating func string() -> String? {
            position += 1
            let start = position
            var escaped = false
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    defer { position += 1 }
                    let raw = UnsafeBufferPointer(rebasing: bytes[start..<position])
                    return escaped ? Self.unescape(raw) : String(decoding: raw, as: UTF8.self)
                }
                if byte < 0x20 { return nil }
                if byte == UInt8(ascii: "\\") {
                    escaped = true
                    position += 1
                }
                position += 1
            }
            return nil
        }

        static func unescape(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
            var scalars = String.UnicodeScalarView()
            var utf8: [UInt8] = []
            var index = 0
            func flush() {
                scalars.append(contentsOf: String(decoding: utf8, as: UTF8.self).unicodeScalars)
                utf8.removeAll(keepingCapacity: true)
            }
            while index < raw.count {
                let byte = raw[index]
                guard byte == UInt8(ascii: "\\") else {
                    utf8.append(byte)
                    index += 1
                    continue
                }
                guard index + 1 < raw.count else { return nil }
                let code = raw[index + 1]
                index += 2
                let simple: [UInt8: UInt8] = [0x22: 0x22, 0x5C: 0x5C, 0x2F: 0x2F, 0x62: 0x08, 0x66: 0x0C, 0x6E: 0x0A, 0x72: 0x0D, 0x74: 0x09]
                if let replacement = simple[code] {
                    utf8.append(replacement)
                    continue
                }
                guard code == UInt8(ascii: "u"), index + 4 <= raw.count,
                      let value = UInt32(String(decoding: UnsafeBufferPointer(rebasing: raw[index..<(index + 4)]), as: UTF8.self), radix: 16) else {
                    return nil
                }
                index += 4
                flush()
                // Surrogate pairs arrive as two escapes; a lone one becomes U+FFFD, as Foundation does.
                if (0xD800..<0xDC00).contains(value), index + 6 <= raw.count, raw[index] == UInt8(ascii: "\\"), raw[index + 1] == UInt8(ascii: "u"),
                   let low = UInt32(String(decoding: UnsafeBufferPointer(rebasing: raw[(index + 2)..<(index + 6)]), as: UTF8.self), radix: 16),
                   (0xDC00..<0xE000).contains(low) {
                    index += 6
                    scalars.append(Unicode.Scalar(0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}")
                } else {
                    scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
                }
            }
            flush()
            return String(scalars)
        }
    }
}
