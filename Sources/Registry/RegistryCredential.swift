import ContainerImage
import Foundation

/// What to log in with: a user name and password (or token), or an OAuth identity token that is
/// exchanged for an access token at the registry's token realm.
public enum RegistryCredential: Sendable, Equatable {
    case basic(user: String, password: String)
    case identityToken(String)

    /// `Authorization: Basic …` for a Basic challenge or a token request; nil for an identity token.
    var basicAuthorization: String? {
        guard case .basic(let user, let password) = self else { return nil }
        return "Basic " + Data((user + ":" + password).utf8).base64EncodedString()
    }
}
