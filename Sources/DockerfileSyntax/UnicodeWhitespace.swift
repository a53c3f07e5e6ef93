/// Go's `unicode.IsSpace` over UTF-8 bytes: BuildKit trims and splits with it, so we must too.
enum UnicodeWhitespace {
    /// Byte length of the whitespace character starting at `index`, or 0 when there is none.
    @inline(__always)
    static func length(in bytes: [UInt8], at index: Int, end: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 {
            return (byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)) ? 1 : 0
        }
        let remaining = end - index
        if byte == 0xC2, remaining >= 2 {
            return (bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0) ? 2 : 0
        }
        guard remaining >= 3 else { return 0 }
        let second = bytes[index + 1], third = bytes[index + 2]
        switch byte {
        case 0xE1: return (second == 0x9A && third == 0x80) ? 3 : 0
        case 0xE2:
            if second == 0x80, (third >= 0x80 && third <= 0x8A) || third == 0xA8 || third == 0xA9 || third == 0xAF { return 3 }
            if second == 0x81, third == 0x9F { return 3 }
            return 0
        case 0xE3: return (second == 0x80 && third == 0x80) ? 3 : 0
        default: return 0
        }
    }

    /// First index in `start..<end` that is not whitespace.
    static func skipLeading(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var index = start
        while index < end {
            let width = length(in: bytes, at: index, end: end)
            if width == 0 { break }
            index += width
        }
        return index
    }

    /// End index after removing trailing whitespace from `start..<end`.
    static func trimTrailing(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var limit = end
        while limit > start {
            let byte = bytes[limit - 1]
            if byte < 0x80 {
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { limit -= 1; continue }
                break
            }
            // Walk back to the start of this UTF-8 sequence and test it.
            var lead = limit - 1
            while lead > start, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            if length(in: bytes, at: lead, end: limit) == limit - lead { limit = lead } else { break }
        }
        return limit
    }

    /// `[\t\v\f\r ]`, the set BuildKit's `reWhitespace` splits on.
    @inline(__always)
    static func isSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C || byte == 0x0D
    }
}
