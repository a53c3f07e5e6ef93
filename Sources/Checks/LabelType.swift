import DockerfileSyntax

/// The value types hadolint's `label-schema` knows, each with the check it implies.
public enum LabelType: String, Sendable, CaseIterable, Equatable {
    case text, url, semver, hash, rfc3339, spdx, email

    /// Why `value` is not of this type, or nil when it is.
    public func problem(with value: String) -> String? {
        if value.isEmpty { return "is empty" }
        switch self {
        case .text: return nil
        case .url: return Self.isURL(value) ? nil : "is not a URL"
        case .semver: return Self.isSemanticVersion(value) ? nil : "is not a semantic version"
        case .hash: return (7...64).contains(value.count) && value.allSatisfy(\.isHexDigit) ? nil : "is not a git hash"
        case .rfc3339: return Self.isRFC3339(value) ? nil : "is not an RFC 3339 date-time"
        case .spdx: return Self.isSPDXExpression(value) ? nil : "is not an SPDX license expression"
        case .email: return Self.isEmail(value) ? nil : "is not an email address"
        }
    }

    static func isURL(_ value: String) -> Bool {
        guard let colon = value.range(ofText: "://"), !value.contains(" ") else { return false }
        let scheme = value[..<colon.lowerBound]
        return scheme.first?.isLetter == true && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+.-".contains($0) }
            && !value[colon.upperBound...].isEmpty
    }

    static func isSemanticVersion(_ value: String) -> Bool {
        var text = Substring(value)
        if let plus = text.firstIndex(of: "+") {
            let build = text[text.index(after: plus)...]
            guard !build.isEmpty, build.split(separator: ".", omittingEmptySubsequences: false).allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } }) else { return false }
            text = text[..<plus]
        }
        if let dash = text.firstIndex(of: "-") {
            let pre = text[text.index(after: dash)...]
            guard !pre.isEmpty, pre.split(separator: ".", omittingEmptySubsequences: false).allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } }) else { return false }
            text = text[..<dash]
        }
        let core = text.split(separator: ".", omittingEmptySubsequences: false)
        return core.count == 3 && core.allSatisfy { part in
            !part.isEmpty && part.allSatisfy(\.isNumber) && (part == "0" || part.first != "0")
        }
    }

    /// `2024-05-01T12:30:00Z`, with optional fraction and a `Z` or `±hh:mm` offset.
    static func isRFC3339(_ value: String) -> Bool {
        let characters = Array(value)
        func digits(_ range: Range<Int>) -> Bool { range.upperBound <= characters.count && characters[range].allSatisfy(\.isNumber) }
        guard characters.count >= 20, digits(0..<4), characters[4] == "-", digits(5..<7), characters[7] == "-", digits(8..<10),
              "Tt ".contains(characters[10]), digits(11..<13), characters[13] == ":", digits(14..<16), characters[16] == ":", digits(17..<19) else { return false }
        var index = 19
        if index < characters.count, characters[index] == "." {
            index += 1
            let start = index
            while index < characters.count, characters[index].isNumber { index += 1 }
            guard index > start else { return false }
        }
        guard index < characters.count else { return false }
        if "Zz".contains(characters[index]) { return index + 1 == characters.count }
        return "+-".contains(characters[index]) && index + 6 == characters.count && digits((index + 1)..<(index + 3))
            && characters[index + 3] == ":" && digits((index + 4)..<(index + 6))
    }

    /// License identifiers (`MIT`, `Apache-2.0`, `LicenseRef-x`) joined by AND/OR/WITH, with parentheses.
    static func isSPDXExpression(_ value: String) -> Bool {
        let tokens = value.replacingParentheses().split(separator: " ")
        guard !tokens.isEmpty else { return false }
        var expectIdentifier = true
        for token in tokens {
            if expectIdentifier {
                guard token.allSatisfy({ $0.isLetter || $0.isNumber || ".-+".contains($0) }), token.first?.isLetter == true || token.first?.isNumber == true else { return false }
                expectIdentifier = false
            } else {
                guard ["AND", "OR", "WITH"].contains(token) else { return false }
                expectIdentifier = true
            }
        }
        return !expectIdentifier
    }

    static func isEmail(_ value: String) -> Bool {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !value.contains(" ") else { return false }
        let domain = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return domain.count >= 2 && domain.allSatisfy { !$0.isEmpty }
    }
}

private extension String {
    func replacingParentheses() -> String {
        String(map { $0 == "(" || $0 == ")" ? " " : $0 })
    }
}
