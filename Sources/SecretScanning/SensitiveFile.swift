/// Files that hold credentials by their name and, where the name alone is not enough, a
/// keyword in their content (`.npmrc` only with `_authToken`, `.docker/config.json` only with `auths`).
public struct SensitiveFile: Sendable, Hashable {
    public var id: String
    public var title: String

    /// `nil` when `path` is not a credential file. `content` is consulted only for the names that need it.
    public static func classify(_ path: String, content: () -> [UInt8]?) -> SensitiveFile? {
        guard mayBeSensitive(path) else { return nil }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let lower = name.lowercased()
        func needs(_ keyword: String) -> Bool {
            guard let bytes = content() else { return false }
            return SecretScanner.contains(Array(keyword.utf8), in: bytes)
        }
        if lower == ".env" || (lower.hasPrefix(".env.") && !exampleSuffixes.contains(where: lower.hasSuffix)) {
            return SensitiveFile(id: "dotenv", title: "environment file")
        }
        if ["id_rsa", "id_dsa", "id_ecdsa", "id_ed25519"].contains(lower) {
            return SensitiveFile(id: "ssh-private-key", title: "SSH private key")
        }
        if lower.hasSuffix(".pem") || lower.hasSuffix(".key") {
            return needs("PRIVATE KEY") ? SensitiveFile(id: "private-key-file", title: "private key file") : nil
        }
        if lower == ".npmrc", needs("_authToken") || needs("_auth=") || needs("_password") {
            return SensitiveFile(id: "npmrc-token", title: "npm credentials")
        }
        if lower == ".pypirc", needs("password") {
            return SensitiveFile(id: "pypirc-password", title: "PyPI credentials")
        }
        if path.hasSuffix(".aws/credentials") {
            return SensitiveFile(id: "aws-credentials", title: "AWS credentials file")
        }
        if lower == "credentials" || lower == "credentials.json" {
            let keywords = ["aws_secret_access_key", "client_secret", "private_key", "password", "token", "secret"]
            return keywords.contains(where: needs) ? SensitiveFile(id: "credentials-file", title: "credentials file") : nil
        }
        if path.hasSuffix(".docker/config.json"), needs("\"auths\""), needs("\"auth\"") {
            return SensitiveFile(id: "docker-config-auths", title: "Docker registry credentials")
        }
        if path.hasSuffix(".kube/config") || lower == "kubeconfig" || lower.hasSuffix(".kubeconfig") {
            return needs("client-key-data") || needs("token:") || needs("password:")
                ? SensitiveFile(id: "kubeconfig", title: "Kubernetes credentials") : nil
        }
        if lower == ".git-credentials" { return SensitiveFile(id: "git-credentials", title: "Git credentials") }
        if lower == ".netrc" { return SensitiveFile(id: "netrc", title: "netrc credentials") }
        if lower.hasSuffix(".tfstate") || lower.hasSuffix(".tfstate.backup") {
            return SensitiveFile(id: "terraform-state", title: "Terraform state (holds resource secrets)")
        }
        return nil
    }

    /// Whether the name alone makes `path` a credential file or one whose content decides it.
    public static func isCandidate(_ path: String) -> Bool {
        var askedForContent = false
        let byName = classify(path) {
            askedForContent = true
            return nil
        }
        return byName != nil || askedForContent
    }

    /// A cheap look at the name's bytes that rules out almost every file before any string work.
    static func mayBeSensitive(_ path: String) -> Bool {
        let bytes = path.utf8
        let nameStart = bytes.lastIndex(of: UInt8(ascii: "/")).map { bytes.index(after: $0) } ?? bytes.startIndex
        let name = bytes[nameStart...]
        guard let first = name.first else { return false }
        if [".", "i", "k", "c", "I", "K", "C"].contains(where: { UInt8(ascii: $0) == first }) { return true }
        let last = bytes.last ?? 0
        // .pem .key .tfstate .backup .kubeconfig: names ending in m, y, e, p or g.
        return last == UInt8(ascii: "m") || last == UInt8(ascii: "y") || last == UInt8(ascii: "e") || last == UInt8(ascii: "p")
            || last == UInt8(ascii: "g") || last == UInt8(ascii: "M") || last == UInt8(ascii: "Y") || last == UInt8(ascii: "E")
    }

    static let exampleSuffixes = [".example", ".sample", ".template", ".dist", ".defaults"]
}
