import ByteSearch

/// Finds credentials in file contents: AWS keys, GitHub/GitLab/Slack/Stripe/npm/PyPI/Docker
/// tokens, Google API keys, JWTs, private keys and GCP service-account files. Every rule is a
/// literal keyword found by a byte search first, so clean files cost one pass per keyword.
/// Used for build contexts and, later, image filesystems.
public enum SecretScanner {
    /// Only this much of a file is read; secrets sit in small files, and big ones must not stall a scan.
    public static let byteLimit = 1 << 20

    static let tokenRules: [TokenRule] = [
        TokenRule("aws-access-key-id", "AWS access key ID", prefixes: ["AKIA", "ASIA", "ABIA", "ACCA"], alphabet: .upperDigits, length: 16...16),
        TokenRule("github-token", "GitHub token", prefixes: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"], alphabet: .alphanumeric, length: 36...36),
        TokenRule("github-token", "GitHub fine-grained token", prefixes: ["github_pat_"], alphabet: .alphanumericUnderscore, length: 82...82),
        TokenRule("gitlab-token", "GitLab personal access token", prefixes: ["glpat-"], alphabet: .urlSafe, length: 20...20),
        TokenRule("slack-token", "Slack token", prefixes: ["xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-"], alphabet: .urlSafe, length: 10...250),
        TokenRule("slack-webhook", "Slack webhook URL", prefixes: ["https://hooks.slack.com/services/"], alphabet: .base64, length: 40...120),
        TokenRule("stripe-key", "Stripe live secret key", prefixes: ["sk_live_", "rk_live_"], alphabet: .alphanumeric, length: 24...99),
        TokenRule("google-api-key", "Google API key", prefixes: ["AIza"], alphabet: .urlSafe, length: 35...35),
        TokenRule("npm-token", "npm access token", prefixes: ["npm_"], alphabet: .alphanumeric, length: 36...36),
        TokenRule("pypi-token", "PyPI upload token", prefixes: ["pypi-AgEIcHlwaS5vcmc"], alphabet: .urlSafe, length: 50...300),
        TokenRule("docker-hub-token", "Docker Hub access token", prefixes: ["dckr_pat_"], alphabet: .urlSafe, length: 27...60),
    ]

    public static let privateKey = SecretKind(id: "private-key", title: "private key")
    public static let awsSecretKey = SecretKind(id: "aws-secret-access-key", title: "AWS secret access key")
    public static let jsonWebToken = SecretKind(id: "jwt", title: "JSON Web Token")
    public static let gcpServiceAccount = SecretKind(id: "gcp-service-account", title: "Google Cloud service-account key")

    /// Every kind the scanner reports, for documentation.
    public static var kinds: [SecretKind] {
        var seen = Set<String>()
        return (tokenRules.map(\.kind) + [awsSecretKey, jsonWebToken, privateKey, gcpServiceAccount]).filter { seen.insert($0.title).inserted }
    }

    public static func scan(_ bytes: [UInt8]) -> [SecretMatch] {
        guard bytes.count > 1, !looksBinary(bytes) else { return [] }
        var matches: [SecretMatch] = []
        var lines = LineCounter(bytes)
        var serviceAccount = false
        var privateKeyField: Int?
        KeywordIndex.shared.forEachCandidate(in: bytes) { keyword, offset in
            switch keyword.handler {
            case .token(let rule):
                if let range = rule.token(in: bytes, at: offset, prefixLength: keyword.bytes.count) {
                    matches.append(SecretMatch(kind: rule.kind, line: lines.line(of: offset), masked: SecretMatch.mask(Array(bytes[range])), range: range))
                }
            case .privateKey:
                if let label = privateKeyLabel(bytes, at: offset) {
                    matches.append(SecretMatch(kind: privateKey, line: lines.line(of: offset), masked: label))
                }
            case .awsSecret:
                if let range = awsSecretValue(bytes, after: offset + keyword.bytes.count) {
                    matches.append(SecretMatch(kind: awsSecretKey, line: lines.line(of: range.lowerBound), masked: SecretMatch.mask(Array(bytes[range])),
                                               range: range))
                }
            case .jwt:
                if let range = jsonWebToken(bytes, at: offset) {
                    matches.append(SecretMatch(kind: jsonWebToken, line: lines.line(of: offset), masked: SecretMatch.mask(Array(bytes[range])), range: range))
                }
            case .serviceAccountType:
                serviceAccount = true
            case .privateKeyField:
                if privateKeyField == nil { privateKeyField = offset }
            }
        }
        if serviceAccount, let field = privateKeyField {
            // The private key inside a service-account file is the same secret; report it once.
            matches.removeAll { $0.kind == privateKey }
            matches.append(SecretMatch(kind: gcpServiceAccount, line: lines.line(of: field), masked: "\"private_key\" (service-account JSON)"))
        }
        return matches.sorted { ($0.line, $0.kind.id) < ($1.line, $1.kind.id) }
    }

    /// `-----BEGIN … PRIVATE KEY-----` (RSA, EC, DSA, OPENSSH, ENCRYPTED, PGP … BLOCK): the label.
    private static func privateKeyLabel(_ bytes: [UInt8], at start: Int) -> String? {
        let markerLength = "-----BEGIN ".utf8.count
        var end = start + markerLength
        while end < bytes.count, end - start < 64, bytes[end] != 0x0A, bytes[end] != UInt8(ascii: "-") { end += 1 }
        let label = Array(bytes[(start + markerLength)..<end])
        guard contains(Array("PRIVATE KEY".utf8), in: label) else { return nil }
        return String(decoding: label, as: UTF8.self)
    }

    /// After `secret_access_key` (any case): `=` or `:`, optional quotes, then 40 base64 characters.
    private static func awsSecretValue(_ bytes: [UInt8], after keywordEnd: Int) -> Range<Int>? {
        var index = keywordEnd
        while index < bytes.count, [0x20, 0x09, 0x22, 0x27].contains(bytes[index]) { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "=") || bytes[index] == UInt8(ascii: ":") else { return nil }
        index += 1
        while index < bytes.count, [0x20, 0x09, 0x22, 0x27].contains(bytes[index]) { index += 1 }
        var end = index
        while end < bytes.count, TokenRule.Alphabet.base64.contains(bytes[end]) { end += 1 }
        return end - index == 40 ? index..<end : nil
    }

    /// `eyJ….eyJ….signature`: a header and payload that are base64url JSON objects.
    private static func jsonWebToken(_ bytes: [UInt8], at start: Int) -> Range<Int>? {
        if start > 0, TokenRule.Alphabet.urlSafe.contains(bytes[start - 1]) { return nil }
        var index = start
        var segments: [Int] = []
        while segments.count < 3 {
            let segmentStart = index
            while index < bytes.count, TokenRule.Alphabet.urlSafe.contains(bytes[index]) { index += 1 }
            segments.append(index - segmentStart)
            guard segments.count < 3 else { break }
            guard index < bytes.count, bytes[index] == UInt8(ascii: ".") else { return nil }
            index += 1
        }
        guard segments.allSatisfy({ $0 >= 10 }), index - start > 36,
              bytes[(start + segments[0] + 1)...].starts(with: Array("eyJ".utf8)) else { return nil }
        return start..<index
    }

    /// NUL bytes in the first 8 KiB mean a binary file, which is not scanned for text secrets.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        bytes.prefix(8192).contains(0)
    }

    static func contains(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        !needle.isEmpty && haystack.withUnsafeBytes { hay in needle.withUnsafeBytes { ByteSearch.firstOffset(of: $0, in: hay) } } != nil
    }
}

/// Maps increasing byte offsets to 1-based line numbers, counting newlines only as far as asked.
struct LineCounter {
    private let bytes: [UInt8]
    private var counted = 0
    private var newlines = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func line(of offset: Int) -> Int {
        if offset < counted {
            counted = 0
            newlines = 0
        }
        while counted < offset {
            if bytes[counted] == 0x0A { newlines += 1 }
            counted += 1
        }
        return newlines + 1
    }
}
