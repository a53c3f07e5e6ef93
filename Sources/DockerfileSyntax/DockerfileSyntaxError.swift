/// Why BuildKit would reject a Dockerfile, and where.
public struct DockerfileSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// 1-based lines of the offending instruction.
    public var line: Int
    public var endLine: Int

    public init(_ message: String, line: Int, endLine: Int? = nil) {
        self.message = message
        self.line = max(line, 1)
        self.endLine = max(endLine ?? line, self.line)
    }

    public var description: String { "line \(line): \(message)" }
}
