#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        guard !bytes.isEmpty, !looksBinary(bytes) else { return [] }
        var matches: [SecretMatch] = []
        let lines = LineIndex(bytes)
        for rule in tokenRules {
            for prefix in rule.prefixes {
                for start in occurrences(of: prefix, in: bytes) {
                    guard let range = rule.token(in: bytes, at: start, prefixLength: prefix.count) else { continue }
                    matches.append(SecretMatch(kind: rule.kind, line: lines.line(of: start), masked: SecretMatch.mask(Array(bytes[range]))))
                }
            }
        }
        matches += privateKeys(bytes, lines)
        matches += awsSecretKeys(bytes, lines)
        matches += jsonWebTokens(bytes, lines)
        if contains(Array("\"service_account\"".utf8), in: bytes), contains(Array("\"private_key\"".utf8), in: bytes) {
            let start = occurrences(of: Array("\"private_key\"".utf8), in: bytes).first ?? 0
            matches.append(SecretMatch(kind: gcpServiceAccount, line: lines.line(of: start), masked: "\"private_key\" (service-account JSON)"))
        }
        // A private key inside a service-account file is the same secret; report it once.
        if matches.contains(where: { $0.kind == gcpServiceAccount }) { matches.removeAll { $0.kind == privateKey } }
        return matches.sorted { ($0.line, $0.kind.id) < ($1.line, $1.kind.id) }
    }

    /// `-----BEGIN … PRIVATE KEY-----` (RSA, EC, DSA, OPENSSH, ENCRYPTED, PGP … BLOCK).
    private static func privateKeys(_ bytes: [UInt8], _ lines: LineIndex) -> [SecretMatch] {
        let marker = Array("-----BEGIN ".utf8), ending = Array("PRIVATE KEY".utf8)
        return occurrences(of: marker, in: bytes).compactMap { start in
            var end = start + marker.count
            while end < bytes.count, end - start < 64, bytes[end] != 0x0A, bytes[end] != UInt8(ascii: "-") { end += 1 }
            let label = Array(bytes[(start + marker.count)..<end])
            guard label.count >= ending.count, contains(ending, in: label) else { return nil }
            return SecretMatch(kind: privateKey, line: lines.line(of: start), masked: String(decoding: label, as: UTF8.self))
        }
    }

    /// `aws_secret_access_key = <40 base64 characters>` in any case, with `=` or `:` and optional quotes.
    private static func awsSecretKeys(_ bytes: [UInt8], _ lines: LineIndex) -> [SecretMatch] {
        let keyword = Array("secret_access_key".utf8)
        let lowered = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        return occurrences(of: keyword, in: lowered).compactMap { start in
            var index = start + keyword.count
            while index < bytes.count, [0x20, 0x09, 0x22, 0x27].contains(bytes[index]) { index += 1 }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") || bytes[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            while index < bytes.count, [0x20, 0x09, 0x22, 0x27].contains(bytes[index]) { index += 1 }
            var end = index
            while end < bytes.count, TokenRule.Alphabet.base64.contains(bytes[end]) { end += 1 }
            guard end - index == 40 else { return nil }
            return SecretMatch(kind: awsSecretKey, line: lines.line(of: index), masked: SecretMatch.mask(Array(bytes[index..<end])))
        }
    }

    /// `eyJ….eyJ….signature`: a header and payload that are base64url JSON objects.
    private static func jsonWebTokens(_ bytes: [UInt8], _ lines: LineIndex) -> [SecretMatch] {
        occurrences(of: Array("eyJ".utf8), in: bytes).compactMap { start in
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
            return SecretMatch(kind: jsonWebToken, line: lines.line(of: start), masked: SecretMatch.mask(Array(bytes[start..<index])))
        }
    }

    /// NUL bytes in the first 8 KiB mean a binary file, which is not scanned for text secrets.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        bytes.prefix(8192).contains(0)
    }

    static func contains(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        !occurrences(of: needle, in: haystack, limit: 1).isEmpty
    }

    /// Every offset of `needle` in `haystack`: `memchr` for the first byte, then a comparison
    /// (glibc's `memmem` is not exported to Swift).
    static func occurrences(of needle: [UInt8], in haystack: [UInt8], limit: Int = 10_000) -> [Int] {
        guard let first = needle.first, haystack.count >= needle.count else { return [] }
        var offsets: [Int] = []
        haystack.withUnsafeBytes { hay in
            guard let base = hay.baseAddress else { return }
            let last = hay.count - needle.count
            var offset = 0
            while offset <= last, offsets.count < limit,
                  let found = memchr(base + offset, Int32(first), last - offset + 1) {
                let position = base.distance(to: UnsafeRawPointer(found))
                if needle.count == 1 || haystack[position..<(position + needle.count)].elementsEqual(needle) {
                    offsets.append(position)
                }
                offset = position + 1
            }
        }
        return offsets
    }
}

/// Maps byte offsets to 1-based line numbers.
struct LineIndex {
    private var newlines: [Int] = []

    init(_ bytes: [UInt8]) {
        newlines = SecretScanner.occurrences(of: [0x0A], in: bytes, limit: Int.max)
    }

    func line(of offset: Int) -> Int {
        var low = 0, high = newlines.count
        while low < high {
            let middle = (low + high) / 2
            if newlines[middle] < offset { low = middle + 1 } else { high = middle }
        }
        return low + 1
    }
}
