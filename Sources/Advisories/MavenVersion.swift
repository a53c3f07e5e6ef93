/// A Maven version, ordered as Maven 3.8's `ComparableVersion` orders it: items split at `.`, `-`
/// and digit/letter changes; `-` and a letter/digit change open a nested list; numbers compare
/// numerically; the qualifiers alpha < beta < milestone < rc < snapshot < (release) < sp, then any
/// other word alphabetically; trailing zeros and empty qualifiers are dropped (`1.0-ga` is `1`).
public struct MavenVersion: OrderedVersion, CustomStringConvertible {
    indirect enum Item: Sendable, Equatable {
        /// Digits without leading zeros (`""` is zero), so numbers of any length compare exactly.
        case number([UInt8])
        case qualifier(String)
        case list([Item])
    }

    let items: [Item]
    public let description: String

    /// Every string is some Maven version; only the empty one is refused.
    public init?(_ text: String) {
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty else { return nil }
        description = text
        items = Self.parse(Array(trimmed.lowercased().utf8))
    }

    public static func < (lhs: MavenVersion, rhs: MavenVersion) -> Bool { compare(lhs, rhs) < 0 }
    public static func == (lhs: MavenVersion, rhs: MavenVersion) -> Bool { compare(lhs, rhs) == 0 }

    public static func compare(_ a: MavenVersion, _ b: MavenVersion) -> Int {
        compare(.list(a.items), .list(b.items))
    }

    /// Lists under construction are shared while nested ones are still being filled, so they are references.
    private final class Builder {
        var items: [Element] = []
        enum Element { case item(Item), list(Builder) }

        func freeze() -> [Item] {
            items.map { element in
                switch element {
                case .item(let item): item
                case .list(let builder): .list(builder.freeze())
                }
            }
        }

        /// Drops trailing null items (zero, the release qualifier, empty lists); a non-empty list
        /// does not stop the scan, anything else does.
        func normalize() {
            var index = items.count - 1
            while index >= 0 {
                switch items[index] {
                case .list(let nested):
                    if nested.items.isEmpty { items.remove(at: index) }
                case .item(let item):
                    guard MavenVersion.isNull(item) else { return }
                    items.remove(at: index)
                }
                index -= 1
            }
        }
    }

    private static func parse(_ bytes: [UInt8]) -> [Item] {
        let root = Builder()
        var list = root
        var stack = [root]
        var isDigit = false
        var start = 0
        func nest() {
            let nested = Builder()
            list.items.append(.list(nested))
            list = nested
            stack.append(nested)
        }
        func text(_ range: Range<Int>) -> [UInt8] { Array(bytes[range]) }
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") {
                list.items.append(.item(index == start ? .number([]) : item(text(start..<index), isDigit: isDigit, followedByDigit: false)))
                start = index + 1
                if byte == UInt8(ascii: "-") { nest() }
            } else if VersionBytes.isDigit(byte) {
                if !isDigit && index > start {
                    // 1.0.0.X1 < 1.0.0-X2: a word before digits is a qualifier of its own list.
                    if !list.items.isEmpty { nest() }
                    list.items.append(.item(item(text(start..<index), isDigit: false, followedByDigit: true)))
                    start = index
                    nest()
                }
                isDigit = true
            } else {
                if isDigit && index > start {
                    list.items.append(.item(item(text(start..<index), isDigit: true, followedByDigit: false)))
                    start = index
                    nest()
                }
                isDigit = false
            }
        }
        if bytes.count > start {
            if !isDigit && !list.items.isEmpty { nest() }
            list.items.append(.item(item(text(start..<bytes.count), isDigit: isDigit, followedByDigit: false)))
        }
        for builder in stack.reversed() { builder.normalize() }
        return root.freeze()
    }

    private static func item(_ text: [UInt8], isDigit: Bool, followedByDigit: Bool) -> Item {
        if isDigit { return .number(Array(text.drop { $0 == UInt8(ascii: "0") })) }
        var word = String(decoding: text, as: UTF8.self)
        if followedByDigit, word.count == 1 {
            // a1 = alpha-1, b1 = beta-1, m1 = milestone-1
            word = ["a": "alpha", "b": "beta", "m": "milestone"][word] ?? word
        }
        return .qualifier(["ga": "", "final": "", "release": "", "cr": "rc"][word] ?? word)
    }

    static let qualifiers = ["alpha", "beta", "milestone", "rc", "snapshot", "", "sp"]
    static let releaseRank = "5"

    /// Known qualifiers by their rank, unknown ones after them alphabetically, all as comparable text.
    static func rank(_ qualifier: String) -> String {
        qualifiers.firstIndex(of: qualifier).map(String.init) ?? "\(qualifiers.count)-\(qualifier)"
    }

    static func isNull(_ item: Item) -> Bool {
        switch item {
        case .number(let digits): digits.isEmpty
        case .qualifier(let word): rank(word) == releaseRank
        case .list(let items): items.isEmpty
        }
    }

    private static func order(_ a: String, _ b: String) -> Int { a == b ? 0 : (a < b ? -1 : 1) }

    /// `ComparableVersion`'s item comparison; `nil` stands for a missing item on the shorter side.
    static func compare(_ item: Item, _ other: Item?) -> Int {
        switch (item, other) {
        case (.number(let digits), nil): return digits.isEmpty ? 0 : 1
        case (.number(let x), .number(let y)?): return VersionBytes.compareDigits(ArraySlice(x), ArraySlice(y))
        case (.number, _?): return 1
        case (.qualifier(let word), nil): return order(rank(word), releaseRank)
        case (.qualifier(let x), .qualifier(let y)?): return order(rank(x), rank(y))
        case (.qualifier, _?): return -1
        case (.list(let items), nil): return items.first.map { compare($0, nil) } ?? 0
        case (.list, .number?): return -1
        case (.list, .qualifier?): return 1
        case (.list(let left), .list(let right)?):
            for index in 0..<max(left.count, right.count) {
                let l = index < left.count ? left[index] : nil
                let r = index < right.count ? right[index] : nil
                let result = l.map { compare($0, r) } ?? r.map { -compare($0, nil) } ?? 0
                if result != 0 { return result }
            }
            return 0
        }
    }
}
