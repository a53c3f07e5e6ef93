/// SPDX identifiers of well-known license texts, recognised by phrases every copy of the text
/// carries. Java archives often ship only a `LICENSE` file; syft runs a full classifier over it,
/// which this matches for the licenses such files almost always hold. Texts that leave the
/// version ambiguous (the GPL family: "only" or "or later" is said elsewhere) are not named.
enum LicenseText {
    struct Known {
        var id: String
        /// All must occur, in lower case with whitespace runs collapsed to one space.
        var phrases: [String]
        /// None may occur.
        var excluded: [String] = []
    }

    static let known: [Known] = [
        Known(id: "Apache-2.0", phrases: ["apache license", "version 2.0, january 2004"]),
        Known(id: "MIT", phrases: ["permission is hereby granted, free of charge, to any person obtaining a copy",
                                   "the above copyright notice and this permission notice shall be included"]),
        Known(id: "BSD-3-Clause", phrases: ["redistribution and use in source and binary forms", "neither the name of"]),
        Known(id: "BSD-2-Clause", phrases: ["redistribution and use in source and binary forms", "this list of conditions and the following disclaimer"],
              excluded: ["neither the name of", "permission is hereby granted"]),
        Known(id: "EPL-1.0", phrases: ["eclipse public license - v 1.0"]),
        Known(id: "EPL-2.0", phrases: ["eclipse public license - v 2.0"]),
        Known(id: "MPL-2.0", phrases: ["mozilla public license version 2.0"]),
        Known(id: "CDDL-1.0", phrases: ["common development and distribution license (cddl) version 1.0"]),
        Known(id: "CDDL-1.1", phrases: ["common development and distribution license (cddl) version 1.1"]),
    ]

    /// The licenses `content` holds, in the table's order; empty when none is recognised.
    static func identify(_ content: [UInt8]) -> [String] {
        let text = normalised(content)[...]
        func holds(_ phrase: String) -> Bool { text.firstIndex(ofBytes: Array(phrase.utf8)) != nil }
        return known.filter { license in license.phrases.allSatisfy(holds) && !license.excluded.contains(where: holds) }.map(\.id)
    }

    /// Lower case, every run of whitespace one space; the first 256 KiB are plenty for a license.
    static func normalised(_ content: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(content.count, 256 << 10))
        var spaced = false
        for byte in content.prefix(256 << 10) {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C {
                if !spaced, !bytes.isEmpty { bytes.append(0x20) }
                spaced = true
                continue
            }
            spaced = false
            bytes.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
        }
        return bytes
    }
}
