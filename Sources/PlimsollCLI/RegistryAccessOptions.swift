import ArgumentParser
import HostSystem
import HTTPTransfer
import Registry

/// How to reach registries: credentials, plain-HTTP hosts, extra CA certificates and how long to
/// wait. Shared by the image commands and by `lint`/`check --online`.
struct RegistryAccessOptions: ParsableArguments {
    @Option(name: .customLong("authfile"),
            help: "Registry credentials file (Docker config.json or containers auth.json); the only one read when given. Default: REGISTRY_AUTH_FILE, then ~/.docker/config.json, then containers auth.json.")
    var authFile: String?

    @Option(name: .customLong("insecure-registry"),
            help: ArgumentHelp("Allow plain HTTP for this registry host[:port] (loopback always may). Repeatable.", valueName: "host"))
    var insecureRegistries: [String] = []

    @Option(name: .customLong("ca-cert"), help: "Also trust the CA certificates in this PEM file for registry TLS.")
    var caCertificate: String?

    @Option(name: .customLong("registry-timeout"),
            help: ArgumentHelp("Seconds a registry, the engine or a credential helper may stay silent before the read fails (default 30).", valueName: "seconds"))
    var registryTimeout: Double = 30

    var values: RegistryAccess {
        RegistryAccess(authFile: authFile, insecureRegistries: insecureRegistries, caCertificate: caCertificate, timeout: registryTimeout)
    }
}

/// The registry options as given, before they are checked.
struct RegistryAccess: Equatable {
    var authFile: String?
    var insecureRegistries: [String] = []
    var caCertificate: String?
    var timeout: Double = 30

    func options() throws(UsageError) -> RegistryOptions {
        let proxies: ProxySettings
        do {
            proxies = try ProxySettings.fromEnvironment()
        } catch {
            throw UsageError(message: error.description)
        }
        if let caCertificate, !FileReader.exists(caCertificate) { throw UsageError(message: "--ca-cert \(caCertificate): no such file") }
        guard timeout > 0, timeout <= 3600 else { throw UsageError(message: "--registry-timeout must be more than 0 and at most 3600 seconds") }
        var credentials = CredentialStore(authFile: authFile)
        credentials.helperTimeLimit = min(credentials.helperTimeLimit, timeout)
        return RegistryOptions(insecureHosts: Set(insecureRegistries), credentials: credentials,
                               http: HTTPSettings(connectTimeout: min(15, timeout), idleTimeout: timeout, extraCertificateFile: caCertificate,
                                                  proxies: proxies))
    }
}
