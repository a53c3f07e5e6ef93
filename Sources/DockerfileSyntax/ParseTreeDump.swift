import HostSystem

/// BuildKit's `Node.Dump()` text for a parsed file, used to prove conformance with BuildKit's own tests.
public enum ParseTreeDump {
    public static func dump(_ dockerfile: Dockerfile) -> String {
        dockerfile.instructions.map { "(" + dump($0) + ")" }.joined(separator: "\n")
    }

    public static func dump(_ instruction: Instruction) -> String {
        var text = instruction.keyword.lowercased()
        if !instruction.flags.isEmpty {
            text += " [" + instruction.flags.map { GoQuote.quote($0.text) }.joined(separator: " ") + "]"
        }
        for node in nodes(of: instruction.body) {
            text += " " + node
        }
        return text.trimmingWhitespace()
    }

    /// BuildKit's `Next` chain: ENV pairs carry a third node, `""` (legacy) or `"="`.
    private static func nodes(of body: InstructionBody) -> [String] {
        switch body {
        case .pairs(let pairs, let legacy):
            return pairs.flatMap { [GoQuote.quote($0.key.value), GoQuote.quote($0.value.value), legacy ? "\"\"" : "\"=\""] }
        case .healthcheck(let kind, let command):
            return [GoQuote.quote(kind.value)] + nodes(of: command)
        case .trigger(let inner):
            return [("(" + dump(inner) + ")\n").trimmingWhitespace()]
        case .unknown:
            return ["\"\""]
        default:
            return body.values.map { GoQuote.quote($0.value) }
        }
    }

}
