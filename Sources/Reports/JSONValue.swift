/// A JSON document built in code and written with keys in the order given, so output is stable.
public indirect enum JSONValue: Sendable, Equatable {
    case string(String)
    case number(Int)
    /// A fraction such as an efficiency; non-finite values are written as null, which JSON allows.
    case decimal(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.rendered() == rhs.rendered() }

    /// Written as UTF-8 bytes and decoded once: appending to a `String` piece by piece, and
    /// escaping scalar by scalar, made a 250 KB SARIF document cost 8 ms.
    public func rendered() -> String {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        write(into: &output, indent: 0)
        output.append(0x0A)
        return String(decoding: output, as: UTF8.self)
    }

    private func write(into output: inout [UInt8], indent: Int) {
        switch self {
        case .string(let text): Self.writeString(text, into: &output)
        case .number(let value): output += String(value).utf8
        case .decimal(let value): output += (value.isFinite ? String(value) : "null").utf8
        case .bool(let value): output += (value ? "true" : "false").utf8
        case .null: output += "null".utf8
        case .array(let items):
            guard !items.isEmpty else { output += "[]".utf8; return }
            output += "[\n".utf8
            for (index, item) in items.enumerated() {
                Self.writeIndent(indent + 1, into: &output)
                item.write(into: &output, indent: indent + 1)
                output += (index == items.count - 1 ? "\n" : ",\n").utf8
            }
            Self.writeIndent(indent, into: &output)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { output += "{}".utf8; return }
            output += "{\n".utf8
            for (index, (key, value)) in members.enumerated() {
                Self.writeIndent(indent + 1, into: &output)
                Self.writeString(key, into: &output)
                output += ": ".utf8
                value.write(into: &output, indent: indent + 1)
                output += (index == members.count - 1 ? "\n" : ",\n").utf8
            }
            Self.writeIndent(indent, into: &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Two spaces per level.
    private static func writeIndent(_ level: Int, into output: inout [UInt8]) {
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }

    /// Bytes of 0x80 and above are copied as they are: JSON text is UTF-8 and needs no escapes
    /// there. Runs between escapes are appended whole.
    private static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(0x22)
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for (offset, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<offset]))
                writeEscape(byte, into: &output)
                runStart = offset + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        output.append(0x22)
    }

    private static func writeEscape(_ byte: UInt8, into output: inout [UInt8]) {
        switch byte {
        case 0x22: output += #"\""#.utf8
        case 0x5C: output += #"\\"#.utf8
        case 0x0A: output += #"\n"#.utf8
        case 0x0D: output += #"\r"#.utf8
        case 0x09: output += #"\t"#.utf8
        default:
            let digits = Array("0123456789abcdef".utf8)
            output += #"\u00"#.utf8
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0F)])
        }
    }
}
