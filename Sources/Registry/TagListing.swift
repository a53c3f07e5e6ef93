import ContainerImage
import HostSystem
import HTTPTransfer

extension RegistryClient {
    /// Tags asked for per page (`n`); registries may send fewer or ignore it.
    static let tagPageSize = 1000
    /// Pages read at most: enough for Docker Hub's busiest repositories, and a bound on a registry
    /// whose `Link` never ends.
    static let tagPageLimit = 50
    static let tagPageBytes = 4 << 20

    /// Every tag of `repository` (`GET /v2/NAME/tags/list`), page by page: the next page is the
    /// `Link: <…>; rel="next"` the registry sends or, when it sends none but filled the page, the
    /// same request with `last` set to the page's last tag. A registry that ignores `n` and sends
    /// everything at once ends after one page; one that repeats a page ends too.
    public func tags(_ repository: String) throws(ImageError) -> [String] {
        var tags: [String] = []
        var seen = Set<String>()
        var target = "/v2/\(repository)/tags/list?n=\(Self.tagPageSize)"
        let what = "the tag list of \(repository)"
        for _ in 0..<Self.tagPageLimit {
            let (bytes, response) = try document(target, repository: repository, limit: Self.tagPageBytes, what: what)
            struct Page: Decodable { var tags: [String]? }
            let page = try JSONDocument.decode(Page.self, from: bytes, what: what).tags ?? []
            let fresh = page.filter { seen.insert($0).inserted }
            tags += fresh
            if let next = response.headers["Link"].flatMap(nextTarget) {
                guard !fresh.isEmpty else { break }
                target = next
            } else if page.count >= Self.tagPageSize, !fresh.isEmpty, let last = page.last {
                target = "/v2/\(repository)/tags/list?" + PercentEncoding.query([("n", "\(Self.tagPageSize)"), ("last", last)])
            } else {
                break
            }
        }
        return tags
    }

    /// The target of `<…>; rel="next"` in a `Link` header: a path, or the path of a URL on this
    /// registry; a link to another host is not followed (credentials go only to the registry).
    func nextTarget(_ link: String) -> String? {
        for part in link.split(separator: ",") {
            let fields = part.split(separator: ";").map { $0.trimmingCharacters(in: " ") }
            guard let first = fields.first, first.hasPrefix("<"), first.hasSuffix(">"),
                  fields.dropFirst().contains(where: { $0 == "rel=\"next\"" || $0 == "rel=next" }) else { continue }
            let target = String(first.dropFirst().dropLast())
            if target.hasPrefix("/") { return target }
            guard let url = try? HTTPURL(parsing: target), url.host == apiHost || "\(url.host):\(url.port)" == apiHost else { return nil }
            return url.target
        }
        return nil
    }
}
