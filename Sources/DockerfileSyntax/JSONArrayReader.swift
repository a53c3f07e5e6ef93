/// Reads the JSON exec form (`["a", "b"]`) the way BuildKit does with Go's `encoding/json`.
///
/// Only a top-level array whose elements are all strings is exec form. Any other valid JSON
/// array is an error in BuildKit; anything that is not valid JSON falls back to the shell form.
/// Nested values are validated iteratively, so a nesting bomb cannot exhaust the stack.
enum JSONArrayReader {
    enum Outcome {
        case strings([Argument])
        case notStringArray
        case invalid
    }

    /// Reads `bytes[start..<end]`; `physical` maps a logical offset to a file offset for spans.
    static func read(_ bytes: [UInt8], from start: Int, to end: Int, physical: (Int, Int) -> SourceSpan) -> Outcome {
        var reader = Cursor(bytes: bytes, index: start, end: end)
        reader.skipWhitespace()
        guard reader.peek == UInt8(ascii: "[") else { return .invalid }
        reader.index += 1
        var items: [Argument] = []
        var sawNonString = false
        reader.skipWhitespace()
        if reader.peek == UInt8(ascii: "]") {
            reader.index += 1
        } else {
            while true {
                reader.skipWhitespace()
                if reader.peek == UInt8(ascii: "\"") {
                    let tokenStart = reader.index
                    guard let value = reader.readString() else { return .invalid }
                    items.append(Argument(value: value, span: physical(tokenStart, reader.index)))
                } else {
                    guard reader.skipValue() else { return .invalid }
                    sawNonString = true
                }
                reader.skipWhitespace()
                guard let separator = reader.peek else { return .invalid }
                reader.index += 1
                if separator == UInt8(ascii: "]") { break }
                if separator != UInt8(ascii: ",") { return .invalid }
            }
        }
        reader.skipWhitespace()
        guard reader.index == end else { return .invalid }
        return sawNonString ? .notStringArray : .strings(items)
    }

    private struct Cursor {
        let bytes: [UInt8]
        var index: Int
        let end: Int

        var peek: UInt8? { index < end ? bytes[index] : nil }

        mutating func skipWhitespace() {
            while index < end {
                let byte = bytes[index]
                guard byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else { return }
                index += 1
            }
        }

        /// Decodes a JSON string at `index` (which holds the opening quote).
        mutating func readString() -> String? {
            index += 1
            var output: [UInt8] = []
            while index < end {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return String(decoding: output, as: UTF8.self)
                }
                if byte < 0x20 { return nil }
                if byte != UInt8(ascii: "\\") {
                    output.append(byte)
                    index += 1
                    continue
                }
                guard index + 1 < end else { return nil }
                let escaped = bytes[index + 1]
                index += 2
                switch escaped {
                case UInt8(ascii: "\""): output.append(0x22)
                case UInt8(ascii: "\\"): output.append(0x5C)
                case UInt8(ascii: "/"): output.append(0x2F)
                case UInt8(ascii: "b"): output.append(0x08)
                case UInt8(ascii: "f"): output.append(0x0C)
                case UInt8(ascii: "n"): output.append(0x0A)
                case UInt8(ascii: "r"): output.append(0x0D)
                case UInt8(ascii: "t"): output.append(0x09)
                case UInt8(ascii: "u"):
                    guard var unit = readHex4() else { return nil }
                    var scalar: Unicode.Scalar = "\u{FFFD}"
                    if unit >= 0xD800 && unit < 0xDC00 {
                        // A high surrogate pairs only with a following `\uDC00`–`\uDFFF`.
                        if index + 1 < end, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                            let save = index
                            index += 2
                            if let low = readHex4(), low >= 0xDC00 && low < 0xE000 {
                                unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                                scalar = Unicode.Scalar(unit) ?? "\u{FFFD}"
                            } else {
                                index = save
                            }
                        }
                    } else if let decoded = Unicode.Scalar(unit) {
                        scalar = decoded
                    }
                    output.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: return nil
                }
            }
            return nil
        }

        private mutating func readHex4() -> UInt32? {
            guard index + 4 <= end else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: return nil
                }
                value = value << 4 | UInt32(digit)
                index += 1
            }
            return value
        }

        /// Validates and skips one JSON value of any kind, without recursion.
        mutating func skipValue() -> Bool {
            // Each open container is `[` or `{`; `expectKey` tracks object key positions.
            var open: [UInt8] = []
            var expectKey = false
            while true {
                skipWhitespace()
                guard let byte = peek else { return false }
                if expectKey {
                    guard byte == UInt8(ascii: "\""), readString() != nil else { return false }
                    skipWhitespace()
                    guard peek == UInt8(ascii: ":") else { return false }
                    index += 1
                    expectKey = false
                    continue
                }
                switch byte {
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    index += 1
                    skipWhitespace()
                    let close: UInt8 = byte == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
                    if peek == close { index += 1; break }
                    open.append(byte)
                    expectKey = byte == UInt8(ascii: "{")
                    continue
                case UInt8(ascii: "\""):
                    guard readString() != nil else { return false }
                case UInt8(ascii: "t"): guard skipLiteral("true") else { return false }
                case UInt8(ascii: "f"): guard skipLiteral("false") else { return false }
                case UInt8(ascii: "n"): guard skipLiteral("null") else { return false }
                default: guard skipNumber() else { return false }
                }
                // A value ended: close containers or move to the next element.
                while let container = open.last {
                    skipWhitespace()
                    guard let next = peek else { return false }
                    index += 1
                    if next == UInt8(ascii: ",") {
                        expectKey = container == UInt8(ascii: "{")
                        break
                    }
                    let close: UInt8 = container == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
                    guard next == close else { return false }
                    open.removeLast()
                }
                if open.isEmpty { return true }
            }
        }

        private mutating func skipLiteral(_ literal: StaticString) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard index + count <= end else { return false }
            for offset in 0..<count where bytes[index + offset] != literal.utf8Start[offset] { return false }
            index += count
            return true
        }

        private mutating func skipNumber() -> Bool {
            func digits() -> Int {
                let begin = index
                while index < end, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
                return index - begin
            }
            if peek == UInt8(ascii: "-") { index += 1 }
            if peek == UInt8(ascii: "0") {
                index += 1
            } else if digits() == 0 {
                return false
            }
            if peek == UInt8(ascii: ".") {
                index += 1
                guard digits() > 0 else { return false }
            }
            if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
                index += 1
                if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
                guard digits() > 0 else { return false }
            }
            return true
        }
    }
}
