import Checks

/// Something a user should know about an audit that is not a finding: an exception that expired,
/// a check that could not run, input that was partly unusable. Front ends show them beside the report.
public struct AuditNote: Sendable, Equatable, CustomStringConvertible {
    public enum Level: String, Sendable {
        case note, warning
    }

    public var level: Level
    public var text: String

    public init(_ level: Level, _ text: String) {
        self.level = level
        self.text = text
    }

    /// `warning: the exception for … expired …`
    public var description: String { "\(level.rawValue): \(text)" }

    static func expired(_ exceptions: [VulnerabilityException]) -> [AuditNote] {
        exceptions.map { exception in
            AuditNote(.warning, "the exception for \(exception.id) expired on \(exception.expiresText ?? "?") and no longer applies (\(exception.reason))")
        }
    }
}
