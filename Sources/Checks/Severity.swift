/// hadolint's severities, lowest first.
public enum Severity: String, Sendable, CaseIterable, Comparable, Codable {
    case style, info, warning, error

    private var rank: Int {
        switch self {
        case .style: return 0
        case .info: return 1
        case .warning: return 2
        case .error: return 3
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// `--fail-on`: the lowest level that makes the run fail, or never. One type for every command:
/// findings are measured in `Severity`, vulnerabilities in their own scale.
public enum FailThreshold<Level: RawRepresentable & CaseIterable & Comparable & Sendable>: Sendable, Equatable where Level.RawValue == String {
    case level(Level)
    case never

    public init?(_ text: String) {
        let lower = text.lowercased()
        if lower == "never" || lower == "none" {
            self = .never
        } else if let level = Level.allCases.first(where: { $0.rawValue == lower }) {
            self = .level(level)
        } else {
            return nil
        }
    }

    public func isMet(by level: Level) -> Bool {
        if case .level(let threshold) = self { return level >= threshold }
        return false
    }

    /// The accepted words, most severe first: `error, warning, info, style, never`.
    public static var choices: String {
        (Level.allCases.sorted(by: >).map(\.rawValue) + ["never"]).joined(separator: ", ")
    }
}

/// The threshold of `lint`, `check`, `context` and `image`, over finding severities.
public typealias FindingThreshold = FailThreshold<Severity>
