import ContainerImage
import Foundation
import HostSystem

/// Finds the credentials for a registry the way docker and podman do: an explicit `--authfile` (or
/// `REGISTRY_AUTH_FILE`) alone, else Docker's `config.json` (`credHelpers[host]`, then
/// `credsStore`, then `auths`), then the containers `auth.json` podman and skopeo write.
public struct CredentialStore: Sendable {
    /// `--authfile`: when set, the only file read.
    public var authFile: String?
    /// Seconds a credential helper may take before it is killed.
    public var helperTimeLimit: Double = 10

    public init(authFile: String? = nil) {
        self.authFile = authFile
    }

    /// Nil when no file names the registry: the pull is then anonymous.
    public func credential(for reference: RegistryReference) throws(ImageError) -> RegistryCredential? {
        let explicit = authFile ?? Environment.value("REGISTRY_AUTH_FILE")
        if let explicit {
            guard let file = try Self.load(explicit, required: true) else { return nil }
            return try credential(in: file, path: explicit, for: reference)
        }
        for path in Self.dockerConfigPaths + Self.containersAuthPaths {
            guard let file = try Self.load(path, required: false) else { continue }
            if let found = try credential(in: file, path: path, for: reference) { return found }
        }
        return nil
    }

    private static var dockerConfigPaths: [String] {
        if let directory = Environment.value("DOCKER_CONFIG") { return [directory + "/config.json"] }
        return Environment.value("HOME").map { [$0 + "/.docker/config.json"] } ?? []
    }

    private static var containersAuthPaths: [String] {
        var paths: [String] = []
        if let runtime = Environment.value("XDG_RUNTIME_DIR") { paths.append(runtime + "/containers/auth.json") }
        if let config = Environment.value("XDG_CONFIG_HOME") {
            paths.append(config + "/containers/auth.json")
        } else if let home = Environment.value("HOME") {
            paths.append(home + "/.config/containers/auth.json")
        }
        return paths
    }

    struct ConfigFile: Decodable {
        struct Entry: Decodable {
            var auth: String?
            var username: String?
            var password: String?
            var identitytoken: String?
        }

        var auths: [String: Entry]?
        var credHelpers: [String: String]?
        var credsStore: String?
    }

    private static func load(_ path: String, required: Bool) throws(ImageError) -> ConfigFile? {
        if !required, !FileReader.exists(path) { return nil }
        let bytes: [UInt8]
        do {
            bytes = try FileReader.read(path, limit: 4 << 20)
        } catch {
            throw .transfer("cannot read credentials file \(path): \(error.reason)")
        }
        do {
            return try JSONDecoder().decode(ConfigFile.self, from: Data(bytes))
        } catch {
            throw .transfer("credentials file \(path) is not a Docker config or containers auth.json (invalid JSON)")
        }
    }

    private func credential(in file: ConfigFile, path: String, for reference: RegistryReference) throws(ImageError) -> RegistryCredential? {
        let host = reference.registry
        if let helper = file.credHelpers?[host] ?? file.credHelpers?[reference.credentialKey] {
            return try fromHelper(helper, serverURL: reference.credentialKey)
        }
        if let store = file.credsStore, !store.isEmpty, let found = try fromHelper(store, serverURL: reference.credentialKey) {
            return found
        }
        guard let auths = file.auths else { return nil }
        for (key, entry) in auths where Self.hostName(key) == Self.hostName(reference.credentialKey) || Self.hostName(key) == host {
            if let token = entry.identitytoken, !token.isEmpty { return .identityToken(token) }
            if let encoded = entry.auth, !encoded.isEmpty {
                guard let data = Data(base64Encoded: encoded), let text = String(data: data, encoding: .utf8),
                      let colon = text.firstIndex(of: ":") else {
                    throw .transfer("the `auth` entry for \(key) in \(path) is not base64 of user:password")
                }
                return .basic(user: String(text[..<colon]), password: String(text[text.index(after: colon)...]))
            }
            if let user = entry.username, let password = entry.password { return .basic(user: user, password: password) }
        }
        return nil
    }

    /// `https://index.docker.io/v1/` → `index.docker.io`; `host:5000` stays.
    static func hostName(_ key: String) -> String {
        var text = Substring(key)
        if let scheme = text.firstRange(of: "://") { text = text[scheme.upperBound...] }
        if let slash = text.firstIndex(of: "/") { text = text[..<slash] }
        return text.lowercased()
    }

    /// `docker-credential-NAME get`, given the server URL on standard input, answers
    /// `{"Username": …, "Secret": …}`; a user of `<token>` means the secret is an identity token.
    private func fromHelper(_ name: String, serverURL: String) throws(ImageError) -> RegistryCredential? {
        let program = "docker-credential-" + name
        let outcome: Subprocess.Outcome
        do {
            outcome = try Subprocess.run(program, ["get"], input: Array(serverURL.utf8), errors: .capture, timeLimit: helperTimeLimit)
        } catch {
            throw .transfer("credential helper \(error.description) (is it installed and on PATH?)")
        }
        if outcome.timedOut { throw .transfer("credential helper \(program) did not answer within \(Int(helperTimeLimit)) s") }
        guard outcome.status == 0 else {
            // Helpers say "credentials not found in native keychain" when they have none: that is anonymous, not a failure.
            let message = String(decoding: outcome.output + outcome.errors, as: UTF8.self)
            if message.lowercased().contains("not found") { return nil }
            throw .transfer("credential helper \(program) failed (exit status \(outcome.status.map(String.init) ?? "killed"))")
        }
        struct Answer: Decodable {
            var Username: String?
            var Secret: String?
        }
        guard let answer = try? JSONDecoder().decode(Answer.self, from: Data(outcome.output)), let secret = answer.Secret else {
            throw .transfer("credential helper \(program) printed something that is not its JSON answer")
        }
        if answer.Username == "<token>" { return .identityToken(secret) }
        return .basic(user: answer.Username ?? "", password: secret)
    }
}
