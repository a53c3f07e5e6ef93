/// Why an audit could not be done (bad input, an unreadable file, a broken image or database), in
/// one line a user can act on. Front ends show it as it is; the CLI exits with status 2.
public struct AuditError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
