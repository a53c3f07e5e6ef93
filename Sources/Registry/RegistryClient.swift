import ContainerImage
import Foundation
import HostSystem
import HTTPTransfer
import Synchronization

/// Talks the OCI distribution API to one registry: finds its scheme and challenge (`GET /v2/`),
/// authenticates (anonymous or credentialed Bearer tokens cached per scope, or Basic), and retries
/// what is worth retrying. Several threads share one client.
public final class RegistryClient: Sendable {
    public let registry: String
    let apiHost: String
    let options: RegistryOptions
    let http: HTTPClient
    private let credential: RegistryCredential?
    private let state = Mutex<State>(State())

    private struct State {
        var base: HTTPURL?
        var challenge: AuthChallenge?
        var tokens: [String: (token: String, expires: Double)] = [:]
        /// Docker Hub's `ratelimit-remaining`, lowest seen.
        var pullsRemaining: Int?
    }

    public init(reference: RegistryReference, options: RegistryOptions, http: HTTPClient) throws(ImageError) {
        registry = reference.registry
        apiHost = reference.apiHost
        self.options = options
        self.http = http
        credential = try options.credentials.credential(for: reference)
    }

    /// Pulls left in Docker Hub's window, when it said.
    public var pullsRemaining: Int? { state.withLock { $0.pullsRemaining } }

    /// Sends `method path` with the authorisation the registry asks for, retrying transient failures;
    /// the caller reads (or discards) the body and checks the status.
    func send(_ method: String, _ path: String, repository: String, headers: HTTPHeaders = HTTPHeaders()) throws(ImageError) -> HTTPResponse {
        let base = try resolvedBase()
        let scope = "repository:\(repository):pull"
        var request = HTTPRequest(method: method, url: HTTPURL(scheme: base.scheme, host: base.host, port: base.port, target: path),
                                  headers: headers)
        var renewed = false
        while true {
            if let authorization = try authorization(scope: scope) { request.headers.set("Authorization", authorization) }
            let response = try withRetries("\(method) \(request.url.sameOrigin)\(path)") { () throws(HTTPError) in try self.http.send(request) }
            note(response.headers)
            guard response.status == 401, !renewed else { return response }
            // An expired token, or a challenge for another scope: renew once.
            response.discard()
            renewed = true
            state.withLock { state in
                state.tokens[scope] = nil
                if let header = response.headers["WWW-Authenticate"], let challenge = AuthChallenge(header: header) { state.challenge = challenge }
            }
        }
    }

    /// Why a request was refused, worded for the user (no credential ever appears).
    func refusal(_ response: HTTPResponse, what: String) -> ImageError {
        switch response.status {
        case 401:
            return .transfer(credential == nil
                ? "\(registry) needs credentials for \(what): log in with `docker login \(registry)` or pass --authfile"
                : "\(registry) refused the credentials for \(what)")
        case 403: return .transfer("\(registry) forbids \(what) (403)")
        case 404: return .transfer("\(registry) has no \(what) (404)")
        case 429: return .transfer("\(registry) is rate limiting pulls (429) for \(what); try again later or log in")
        default: return .transfer("\(registry) answered \(response.status) for \(what)")
        }
    }

    /// The scheme the registry answers on: HTTPS, or plain HTTP for loopback and `--insecure-registry`
    /// hosts when HTTPS does not work there (as docker and skopeo fall back).
    private func resolvedBase() throws(ImageError) -> HTTPURL {
        if let base = state.withLock({ $0.base }) { return base }
        let https = try Self.url(.https, apiHost, "/v2/")
        var response: HTTPResponse
        do {
            response = try withRetries("GET \(https)") { () throws(HTTPError) in try self.http.send(HTTPRequest(url: https)) }
        } catch {
            guard options.allowsPlainHTTP(registry, apiHost: apiHost) else { throw error }
            // Only a registry answering on plain HTTP replaces the HTTPS failure as the explanation.
            let plain = try Self.url(.http, apiHost, "/v2/")
            guard let answer = try? withRetries("GET \(plain)", { () throws(HTTPError) in try self.http.send(HTTPRequest(url: plain)) }),
                  Self.isRegistryAnswer(answer) else { throw error }
            response = answer
        }
        let challenge = response.headers["WWW-Authenticate"].flatMap(AuthChallenge.init(header:))
        response.discard()
        guard Self.isRegistryAnswer(response) else {
            throw .transfer("\(response.url.sameOrigin)/v2/ answered \(response.status): it is not an OCI distribution registry")
        }
        let base = response.url
        state.withLock { state in
            state.base = base
            state.challenge = challenge
        }
        return base
    }

    /// `GET /v2/` answers 200, or 401 with a challenge, from a distribution registry.
    private static func isRegistryAnswer(_ response: HTTPResponse) -> Bool {
        response.status == 200 || (response.status == 401 && response.headers["WWW-Authenticate"].flatMap(AuthChallenge.init(header:)) != nil)
    }

    private static func url(_ scheme: HTTPURL.Scheme, _ authority: String, _ target: String) throws(ImageError) -> HTTPURL {
        do {
            return try HTTPURL(parsing: scheme.rawValue + "://" + authority + target)
        } catch {
            throw .transfer(error.description)
        }
    }

    private func authorization(scope: String) throws(ImageError) -> String? {
        let (challenge, cached) = state.withLock { state in
            (state.challenge, state.tokens[scope].flatMap { $0.expires > MonotonicClock.seconds ? $0.token : nil })
        }
        guard let challenge else { return nil }
        switch challenge.scheme {
        case .basic:
            return credential?.basicAuthorization
        case .bearer:
            if let cached { return "Bearer " + cached }
            let (token, lifetime) = try fetchToken(challenge, scope: scope)
            state.withLock { $0.tokens[scope] = (token, MonotonicClock.seconds + max(10, lifetime - 10)) }
            return "Bearer " + token
        }
    }

    /// A token from the challenge's realm: GET with Basic credentials (or none, for anonymous pulls),
    /// or the OAuth refresh-token grant for an identity token.
    private func fetchToken(_ challenge: AuthChallenge, scope: String) throws(ImageError) -> (String, Double) {
        guard let realmText = challenge.parameters["realm"], !realmText.isEmpty else {
            throw .transfer("\(registry) asks for a Bearer token but names no realm")
        }
        var realm: HTTPURL
        do {
            realm = try HTTPURL(parsing: realmText)
        } catch {
            throw .transfer("\(registry) names token realm `\(realmText.prefix(100))`, which is not a URL")
        }
        if realm.scheme == .http, !options.allowsPlainHTTP(realm.authority, apiHost: realm.authority) {
            throw .transfer("\(registry) names a plain-http token realm (\(realm.sameOrigin)); refusing to send credentials there")
        }
        var query: [(String, String)] = []
        if let service = challenge.parameters["service"] { query.append(("service", service)) }
        query.append(("scope", challenge.parameters["scope"] ?? scope))
        var request: HTTPRequest
        var body: [UInt8] = []
        if case .identityToken(let token)? = credential {
            request = HTTPRequest(method: "POST", url: realm)
            request.headers.set("Content-Type", "application/x-www-form-urlencoded")
            body = Array(PercentEncoding.query([("grant_type", "refresh_token"), ("refresh_token", token), ("client_id", "plimsoll")] + query).utf8)
        } else {
            realm.target += (realm.target.contains("?") ? "&" : "?") + PercentEncoding.query(query)
            request = HTTPRequest(url: realm)
            if let basic = credential?.basicAuthorization { request.headers.set("Authorization", basic) }
        }
        let requestBody = body
        let response = try withRetries("the token request to \(realm.sameOrigin)") { () throws(HTTPError) in
            try self.http.send(request, body: requestBody)
        }
        let bytes: [UInt8]
        do {
            bytes = try response.body(limit: 1 << 20, what: "the token from \(realm.sameOrigin)")
        } catch {
            throw .transfer(error.description)
        }
        guard response.status == 200 else {
            throw .transfer(response.status == 401 || response.status == 403
                ? "the token service \(realm.sameOrigin) refused \(credential == nil ? "an anonymous pull" : "the credentials") for \(scope) (\(response.status))"
                : "the token service \(realm.sameOrigin) answered \(response.status)")
        }
        struct Answer: Decodable {
            var token: String?
            var access_token: String?
            var expires_in: Double?
        }
        guard let answer = try? JSONDecoder().decode(Answer.self, from: Data(bytes)), let token = answer.token ?? answer.access_token,
              !token.isEmpty else {
            throw .transfer("the token service \(realm.sameOrigin) answered without a token")
        }
        return (token, answer.expires_in ?? 60)
    }

    /// Runs `attempt` until it gives a response that is not 408/429/5xx or a transient network error,
    /// waiting `Retry-After` (capped) or an exponential backoff between tries.
    func withRetries(_ what: String, _ attempt: () throws(HTTPError) -> HTTPResponse) throws(ImageError) -> HTTPResponse {
        var wait = 0.25
        for number in 1...max(1, options.attempts) {
            let last = number == options.attempts
            do {
                let response = try attempt()
                guard !last, [408, 429, 500, 502, 503, 504].contains(response.status) else { return response }
                let asked = response.headers["Retry-After"].flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
                response.discard()
                Self.sleep(min(asked ?? wait, options.longestRetryWait))
            } catch {
                guard !last, error.isTransient else { throw .transfer("\(what): \(error.description)") }
                Self.sleep(min(wait, options.longestRetryWait))
            }
            wait *= 2
        }
        throw .transfer("\(what): no attempt was made")
    }

    private func note(_ headers: HTTPHeaders) {
        guard let text = headers["ratelimit-remaining"], let remaining = Int(text.split(separator: ";").first ?? "") else { return }
        state.withLock { state in state.pullsRemaining = min(state.pullsRemaining ?? remaining, remaining) }
    }

    private static func sleep(_ seconds: Double) {
        guard seconds > 0 else { return }
        usleep(useconds_t(seconds * 1_000_000))
    }
}
