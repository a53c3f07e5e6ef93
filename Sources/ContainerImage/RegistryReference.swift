/// An image name as Docker reads it (`nginx`, `ghcr.io/org/app:1.2`, `host:5000/app@sha256:…`),
/// normalised the way `docker pull` does: Docker Hub is `docker.io`, its one-component names are
/// under `library/`, and a name with neither tag nor digest means `:latest`.
public struct RegistryReference: Sendable, Hashable, CustomStringConvertible {
    /// `docker.io`, `ghcr.io`, `127.0.0.1:5000`.
    public var registry: String
    /// `library/nginx`, `org/app`.
    public var repository: String
    public var tag: String?
    public var digest: Digest?

    public static let dockerHub = "docker.io"

    public init(registry: String, repository: String, tag: String?, digest: Digest?) {
        self.registry = registry
        self.repository = repository
        self.tag = tag
        self.digest = digest
    }

    public init(parsing text: String) throws(ImageError) {
        guard !text.isEmpty else { throw .invalidReference("the image name is empty") }
        guard text.utf8.count <= 512 else { throw .invalidReference("`\(text.prefix(60))…` is longer than an image name can be") }
        var rest = Substring(text)
        var digest: Digest?
        if let at = rest.lastIndex(of: "@") {
            digest = try Self.digest(String(rest[rest.index(after: at)...]), in: text)
            rest = rest[..<at]
        }
        var registry = Self.dockerHub
        if let slash = rest.firstIndex(of: "/"), Self.isRegistryHost(rest[..<slash]) {
            registry = String(rest[..<slash])
            rest = rest[rest.index(after: slash)...]
        }
        var tag: String?
        if let colon = rest.lastIndex(of: ":") {
            tag = String(rest[rest.index(after: colon)...])
            rest = rest[..<colon]
        }
        if registry == "index.docker.io" { registry = Self.dockerHub }
        var repository = String(rest)
        if registry == Self.dockerHub, !repository.contains("/") { repository = "library/" + repository }
        try Self.validate(host: registry, in: text)
        try Self.validate(repository: repository, in: text)
        if let tag { try Self.validate(tag: tag, in: text) }
        if tag == nil, digest == nil { tag = "latest" }
        self.init(registry: registry, repository: repository, tag: tag, digest: digest)
    }

    /// The host the distribution API is served from (Docker Hub's is not `docker.io`).
    public var apiHost: String { registry == Self.dockerHub ? "registry-1.docker.io" : registry }

    /// The key Docker's `config.json` stores this registry's credentials under.
    public var credentialKey: String { registry == Self.dockerHub ? "https://index.docker.io/v1/" : registry }

    /// What a manifest request names: the digest when pinned, else the tag.
    public var manifestReference: String { digest?.description ?? tag ?? "latest" }

    /// The same repository at another tag or digest.
    public func with(tag: String? = nil, digest: Digest? = nil) -> RegistryReference {
        RegistryReference(registry: registry, repository: repository, tag: tag, digest: digest)
    }

    /// `docker.io/library/nginx:latest`, `ghcr.io/org/app@sha256:…`.
    public var description: String {
        registry + "/" + repository + (tag.map { ":" + $0 } ?? "") + (digest.map { "@" + $0.description } ?? "")
    }

    /// Docker's rule: a first component is a host when it has a `.` or `:`, is `localhost`, or has capitals.
    private static func isRegistryHost(_ component: Substring) -> Bool {
        component.contains(".") || component.contains(":") || component == "localhost" || component.contains(where: \.isUppercase)
    }

    private static func digest(_ text: String, in reference: String) throws(ImageError) -> Digest {
        do {
            return try Digest(parsing: text)
        } catch {
            throw .invalidReference("`\(reference)` has a digest that is not sha256 and 64 lowercase hex digits")
        }
    }

    private static func validate(host: String, in reference: String) throws(ImageError) {
        var name = Substring(host)
        if name.hasPrefix("[") {
            guard let close = name.firstIndex(of: "]") else { throw .invalidReference("`\(reference)` has an unclosed IPv6 address") }
            name = name[name.index(after: close)...]
            guard name.isEmpty || name.hasPrefix(":") else { throw .invalidReference("`\(reference)` has text after its IPv6 address") }
            if name.isEmpty { return }
            return try validate(port: name.dropFirst(), in: reference)
        }
        if let colon = name.firstIndex(of: ":") {
            try validate(port: name[name.index(after: colon)...], in: reference)
            name = name[..<colon]
        }
        let allowed = name.utf8.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
        guard !name.isEmpty, allowed, !name.hasPrefix("-"), !name.hasPrefix("."), !name.hasSuffix(".") else {
            throw .invalidReference("`\(reference)` names registry `\(host)`, which is not a host name")
        }
    }

    private static func validate(port: Substring, in reference: String) throws(ImageError) {
        guard let number = Int(port), (1...65535).contains(number) else {
            throw .invalidReference("`\(reference)` has port `\(port)`, which is not 1–65535")
        }
    }

    /// Path components are lowercase alphanumerics joined by `.`, `_`, `__` or runs of `-`.
    private static func validate(repository: String, in reference: String) throws(ImageError) {
        guard repository.utf8.count <= 255 else { throw .invalidReference("`\(reference)` has a name longer than 255 characters") }
        for component in repository.split(separator: "/", omittingEmptySubsequences: false) {
            guard isPathComponent(component) else {
                let shown = component.isEmpty ? "an empty path component" : "`\(component)`"
                throw .invalidReference("`\(reference)` has \(shown); names are lowercase letters, digits and single separators (. _ __ -)")
            }
        }
    }

    private static func isPathComponent(_ component: Substring) -> Bool {
        let bytes = Array(component.utf8)
        guard let first = bytes.first, let last = bytes.last, isLowerAlphanumeric(first), isLowerAlphanumeric(last) else { return false }
        var position = 0
        while position < bytes.count {
            let byte = bytes[position]
            if isLowerAlphanumeric(byte) {
                position += 1
                continue
            }
            // A separator: `.`, `_`, `__`, or any run of `-`, always between alphanumerics.
            var end = position + 1
            if byte == UInt8(ascii: "-") {
                while end < bytes.count, bytes[end] == UInt8(ascii: "-") { end += 1 }
            } else if byte == UInt8(ascii: "_") {
                if end < bytes.count, bytes[end] == UInt8(ascii: "_") { end += 1 }
            } else if byte != UInt8(ascii: ".") {
                return false
            }
            guard end < bytes.count, isLowerAlphanumeric(bytes[end]) else { return false }
            position = end
        }
        return true
    }

    /// `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`.
    private static func validate(tag: String, in reference: String) throws(ImageError) {
        let bytes = Array(tag.utf8)
        let word: (UInt8) -> Bool = { isAlphanumeric($0) || $0 == UInt8(ascii: "_") }
        guard let first = bytes.first, word(first), bytes.count <= 128,
              bytes.allSatisfy({ word($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }) else {
            throw .invalidReference("`\(reference)` has tag `\(tag)`; tags are up to 128 letters, digits, `_`, `.` and `-`, not starting with `.` or `-`")
        }
    }

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isLowerAlphanumeric(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}
