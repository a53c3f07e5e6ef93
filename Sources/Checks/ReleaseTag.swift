/// An image tag read as a release in a series: `20.11-alpine` is the numbers 20 and 11 with the
/// suffix `-alpine`, `v1.2.3` the numbers 1, 2, 3 after `v`. Tags that are not numbers first
/// (`latest`, `bookworm`, `1.21rc1`) are no release.
public struct ReleaseTag: Sendable, Equatable {
    public var prefix: String
    public var numbers: [Int]
    public var suffix: String

    public init?(_ tag: String) {
        var rest = Substring(tag)
        prefix = rest.hasPrefix("v") ? "v" : ""
        rest = rest.dropFirst(prefix.count)
        numbers = []
        while true {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            // Nine digits at most: a date tag (20240101) fits, an overflow does not.
            guard !digits.isEmpty, digits.count <= 9, let number = Int(digits) else { return nil }
            numbers.append(number)
            rest = rest.dropFirst(digits.count)
            guard rest.hasPrefix("."), rest.dropFirst().first?.isNumber == true else { break }
            rest = rest.dropFirst()
        }
        guard rest.isEmpty || rest.hasPrefix("-") || rest.hasPrefix("_") else { return nil }
        suffix = String(rest)
    }

    /// The newest tag among `tags` of this one's series (same prefix, suffix and precision, equal
    /// numbers but the last) whose last number is larger: `20.11-alpine` → `20.18-alpine`, never
    /// `22.1-alpine` or `20.18`. Nil when this is the newest.
    public func newest(among tags: [String]) -> String? {
        var best: (tag: String, last: Int)?
        for tag in tags {
            guard let other = ReleaseTag(tag), other.prefix == prefix, other.suffix == suffix, other.numbers.count == numbers.count,
                  other.numbers.dropLast() == numbers.dropLast(), let last = other.numbers.last, let own = numbers.last,
                  last > own, last > best?.last ?? Int.min else { continue }
            best = (tag, last)
        }
        return best?.tag
    }
}
