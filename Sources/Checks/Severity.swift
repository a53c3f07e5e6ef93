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

/// `--fail-on`: the lowest severity that makes the run fail, or never.
public enum FailThreshold: Sendable, Equatable {
    case severity(Severity)
    case never

    public init?(_ text: String) {
        if text.lowercased() == "never" || text.lowercased() == "none" {
            self = .never
        } else if let severity = Severity(rawValue: text.lowercased()) {
            self = .severity(severity)
        } else {
            return nil
        }
    }

    public func isMet(by severity: Severity) -> Bool {
        if case .severity(let threshold) = self { return severity >= threshold }
        return false
    }

    public static let choices = "error, warning, info, style, never"
}
