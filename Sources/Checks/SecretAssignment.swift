import DockerfileSyntax
import SecretScanning

/// `KEY=value` pairs that hold a secret, by the key's name or the value's content: ENV and ARG in
/// a Dockerfile, `Env` and `Labels` in an image config, build arguments recorded in its history.
enum SecretAssignment {
    static let sensitiveWords = ["PASSWORD", "PASSWD", "SECRET", "TOKEN", "API_KEY", "APIKEY", "PRIVATE_KEY", "ACCESS_KEY", "CREDENTIAL"]
    static let harmlessSuffixes = ["_FILE", "_PATH", "_HEADER", "_NAME", "_URL", "_ENDPOINT", "_ID"]

    /// The masked value when the pair holds a secret; nil otherwise (also for empty values and `$VAR` references).
    static func masked(key: String, value: String) -> String? {
        guard !value.isEmpty, !value.hasPrefix("$") else { return nil }
        let upper = key.uppercased()
        let named = sensitiveWords.contains { upper.contains(text: $0) } && !harmlessSuffixes.contains(where: upper.hasSuffix)
        let scanned = SecretScanner.scan(Array(value.utf8)).first
        guard named || scanned != nil else { return nil }
        return scanned?.masked ?? SecretMatch.mask(Array(value.utf8))
    }
}
