/// A container image reference, `[registry/]repository[:tag][@digest]`, read with Docker's rules:
/// the first component is a registry only when it has a `.` or `:` or is `localhost`.
public struct ImageReference: Sendable, Hashable, CustomStringConvertible {
    public static let defaultRegistry = "docker.io"

    /// `docker.io` when none was written.
    public var registry: String
    /// `library/node` for `node`.
    public var repository: String
    public var tag: String?
    public var digest: String?
    /// Whether the registry was written explicitly.
    public var hasExplicitRegistry: Bool

    public init?(_ text: String) {
        guard !text.isEmpty, !text.contains(where: { $0 == " " || $0 == "\t" || $0 == "$" }) else { return nil }
        var remainder = Substring(text)
        if let at = remainder.firstIndex(of: "@") {
            digest = String(remainder[remainder.index(after: at)...])
            remainder = remainder[..<at]
            guard let digest, digest.contains(":") else { return nil }
        }
        let lastSlash = remainder.lastIndex(of: "/")
        if let colon = remainder.lastIndex(of: ":"), lastSlash.map({ colon > $0 }) ?? true {
            tag = String(remainder[remainder.index(after: colon)...])
            remainder = remainder[..<colon]
            guard let tag, !tag.isEmpty else { return nil }
        }
        guard !remainder.isEmpty else { return nil }
        let components = remainder.split(separator: "/", omittingEmptySubsequences: false)
        guard !components.contains(where: { $0.isEmpty }) else { return nil }
        if let slash = remainder.firstIndex(of: "/"), let first = components.first,
           first.contains(".") || first.contains(":") || first == "localhost" {
            registry = String(first)
            repository = String(remainder[remainder.index(after: slash)...])
            hasExplicitRegistry = true
        } else {
            registry = Self.defaultRegistry
            repository = components.count == 1 ? "library/" + String(remainder) : String(remainder)
            hasExplicitRegistry = false
        }
        if registry == "index.docker.io" || registry == "registry-1.docker.io" { registry = Self.defaultRegistry }
        guard !repository.isEmpty else { return nil }
        if registry == Self.defaultRegistry, !repository.contains("/") { repository = "library/" + repository }
    }

    /// Docker Hub's official images (`docker.io/library/…`).
    public var isOfficial: Bool { registry == Self.defaultRegistry && repository.hasPrefix("library/") }

    /// `node` for `docker.io/library/node`, the repository otherwise.
    public var shortName: String { isOfficial ? String(repository.dropFirst("library/".count)) : repository }

    /// The name to write back without a tag or digest: `gcr.io/distroless/static-debian12`, `node`
    /// (its registry kept when one was written, so advice never points at Docker Hub instead).
    public var untaggedName: String { hasExplicitRegistry ? registry + "/" + repository : shortName }

    public var description: String {
        var text = untaggedName
        if let tag { text += ":" + tag }
        if let digest { text += "@" + digest }
        return text
    }
}
