/// A `<<NAME` word on an instruction line, before its body is read.
struct HeredocMarker {
    var name: String
    var expand: Bool
    var chomp: Bool
    var fileDescriptor: Int

    /// BuildKit's `heredocsFromLine`: shell words of the line (quotes kept) matching `^(\d*)<<(-?)([^<]*)$`.
    static func markers(in line: [UInt8]) throws(DirectiveError) -> [HeredocMarker] {
        var markers: [HeredocMarker] = []
        for word in rawWords(line) {
            if let marker = try marker(from: word) { markers.append(marker) }
        }
        return markers
    }

    /// Splits on blanks; quotes and backslash escapes keep a word together and stay in it.
    private static func rawWords(_ line: [UInt8]) -> [[UInt8]] {
        var words: [[UInt8]] = []
        var word: [UInt8] = []
        var inWord = false
        var index = 0
        while index < line.count {
            let byte = line[index]
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C:
                if inWord { words.append(word); word.removeAll(); inWord = false }
                index += 1
                continue
            case UInt8(ascii: "\\"):
                word.append(byte)
                if index + 1 < line.count { word.append(line[index + 1]) }
                index += 2
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                word.append(byte)
                index += 1
                while index < line.count, line[index] != byte {
                    if byte == UInt8(ascii: "\""), line[index] == UInt8(ascii: "\\"), index + 1 < line.count {
                        word.append(line[index])
                        index += 1
                    }
                    word.append(line[index])
                    index += 1
                }
                if index < line.count { word.append(line[index]); index += 1 }
            default:
                word.append(byte)
                index += 1
            }
            inWord = true
        }
        if inWord { words.append(word) }
        return words
    }

    private static func marker(from word: [UInt8]) throws(DirectiveError) -> HeredocMarker? {
        var index = 0
        var descriptor = 0
        while index < word.count, word[index] >= UInt8(ascii: "0"), word[index] <= UInt8(ascii: "9") {
            descriptor = min(descriptor * 10 + Int(word[index] - UInt8(ascii: "0")), Int(Int32.max))
            index += 1
        }
        guard index + 1 < word.count, word[index] == UInt8(ascii: "<"), word[index + 1] == UInt8(ascii: "<") else { return nil }
        index += 2
        var chomp = false
        if index < word.count, word[index] == UInt8(ascii: "-") {
            chomp = true
            index += 1
        }
        let rest = word[index...]
        guard !rest.isEmpty, !rest.contains(UInt8(ascii: "<")) else { return nil }
        var name: [UInt8] = []
        var quoted = false
        var position = rest.startIndex
        while position < rest.endIndex {
            let byte = rest[position]
            if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                quoted = true
                position += 1
                while position < rest.endIndex, rest[position] != byte {
                    if byte == UInt8(ascii: "\""), rest[position] == UInt8(ascii: "\\"), position + 1 < rest.endIndex {
                        position += 1
                    }
                    name.append(rest[position])
                    position += 1
                }
                guard position < rest.endIndex else {
                    throw DirectiveError(message: "unterminated quote in heredoc delimiter \(String(decoding: rest, as: UTF8.self))")
                }
                position += 1
                continue
            }
            if byte == UInt8(ascii: "\\"), position + 1 < rest.endIndex {
                position += 1
            }
            name.append(rest[position])
            position += 1
        }
        guard !name.isEmpty else { return nil }
        return HeredocMarker(name: String(decoding: name, as: UTF8.self), expand: !quoted, chomp: chomp, fileDescriptor: descriptor)
    }
}
