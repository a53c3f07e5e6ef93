import HostSystem
import DockerfileSyntax

/// Inline suppressions: `# plimsoll ignore=PD002,apt-lists-not-removed` on the comment lines
/// right above an instruction, `# plimsoll global ignore=…` anywhere, and hadolint's
/// `# hadolint ignore=DL3009` / `# hadolint global ignore=…` through rule aliases.
struct Pragmas {
    private(set) var global: Set<String> = []
    /// Identifiers per 1-based comment line.
    private var byLine: [Int: [String]] = [:]
    private let instructions: [Instruction]
    private let commentLines: Set<Int>

    init(_ dockerfile: Dockerfile) {
        instructions = dockerfile.instructions
        commentLines = Set(dockerfile.comments.map(\.line))
        for comment in dockerfile.comments {
            guard let (isGlobal, identifiers) = Self.parse(comment.text) else { continue }
            if isGlobal { global.formUnion(identifiers) } else { byLine[comment.line, default: []].append(contentsOf: identifiers) }
        }
    }

    /// `plimsoll ignore=a,b` → (false, [a, b]); nil when the comment is not a pragma.
    static func parse(_ text: String) -> (Bool, [String])? {
        guard let first = text.utf8.first, first | 0x20 == UInt8(ascii: "p") || first | 0x20 == UInt8(ascii: "h") else { return nil }
        var words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let tool = words.first?.lowercased(), tool == "plimsoll" || tool == "hadolint" else { return nil }
        words.removeFirst()
        var isGlobal = false
        if words.first?.lowercased() == "global" {
            isGlobal = true
            words.removeFirst()
        }
        let rest = words.joined()
        guard rest.lowercased().hasPrefix("ignore=") else { return nil }
        let identifiers = rest.dropFirst("ignore=".count).split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        return (isGlobal, identifiers)
    }

    func suppresses(_ finding: Finding) -> Bool {
        if global.contains(where: finding.rule.isNamed) { return true }
        guard let instruction = instruction(containing: finding.range.start.line) else { return false }
        var line = instruction.startLine - 1
        while line >= 1, commentLines.contains(line) {
            if byLine[line]?.contains(where: finding.rule.isNamed) == true { return true }
            line -= 1
        }
        return false
    }

    private func instruction(containing line: Int) -> Instruction? {
        var low = 0, high = instructions.count - 1
        var found: Instruction?
        while low <= high {
            let middle = (low + high) / 2
            if instructions[middle].startLine <= line {
                found = instructions[middle]
                low = middle + 1
            } else {
                high = middle - 1
            }
        }
        return found
    }
}

