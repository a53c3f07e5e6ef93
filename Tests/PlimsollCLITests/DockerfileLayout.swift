import Foundation

/// What the hadolint parity test needs to know about a Dockerfile, read from its text alone (not
/// through plimsoll, which it is checking): stages, their bases, the escape character, and the
/// whole instruction at a line.
struct DockerfileLayout {
    struct Stage {
        var line: Int
        var name: String?
        var base: String
    }

    let lines: [String]
    let escape: Character
    let stages: [Stage]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var escape: Character = "\\"
        for line in lines {
            let trimmed = line.trimmingCharacters(in: .whitespaces).lowercased()
            guard trimmed.hasPrefix("#"), trimmed.contains("=") else { break }
            let directive = trimmed.dropFirst().replacingOccurrences(of: " ", with: "")
            if directive.hasPrefix("escape="), let character = directive.dropFirst("escape=".count).first { escape = character }
        }
        self.escape = escape
        var stages: [Stage] = []
        for (index, line) in lines.enumerated() {
            let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
            guard words.first?.uppercased() == "FROM" else { continue }
            let operands = words.dropFirst().filter { !$0.hasPrefix("--") }
            guard let base = operands.first else { continue }
            let name = operands.count >= 3 && operands[operands.startIndex + 1].uppercased() == "AS" ? operands[operands.startIndex + 2].lowercased() : nil
            stages.append(Stage(line: index + 1, name: name, base: base.lowercased()))
        }
        self.stages = stages
    }

    /// The instruction starting at `line` with its continuation lines.
    func instruction(at line: Int) -> String {
        var text = ""
        var number = line
        while number <= lines.count {
            let content = lines[number - 1]
            text += content + "\n"
            let trimmed = content.trimmingCharacters(in: .whitespaces)
            guard trimmed.last == escape || trimmed.hasPrefix("#") || (trimmed.isEmpty && number > line) else { break }
            number += 1
        }
        return text
    }

    /// The instruction at `line` as one line: escaped newlines removed, as the shell sees it.
    func joined(at line: Int) -> String {
        instruction(at: line).replacingOccurrences(of: "\(escape)\n", with: " ")
    }

    /// Whether `line` lies in a stage whose layers are not under the final stage's (its own
    /// stage and the earlier stages it is built FROM).
    func isInBuildStage(_ line: Int) -> Bool {
        guard let own = stages.lastIndex(where: { $0.line <= line }), var current = stages.indices.last else { return false }
        var chain: Set<Int> = [current]
        while let parent = stages[..<current].lastIndex(where: { $0.name == stages[current].base }) {
            chain.insert(parent)
            current = parent
        }
        return !chain.contains(own)
    }

    func hasBaseImage(before line: Int) -> Bool {
        stages.contains { $0.line <= line }
    }

    /// Whether a hadolint finding at `line` is of this kind of deliberate difference.
    func isDifference(_ kind: String, at line: Int) -> Bool {
        switch kind {
        case "build-stage": isInBuildStage(line)
        case "subshell": joined(at: line).range(of: #"\(\s*cd\s"#, options: .regularExpression) != nil
        case "apt-dist-clean": instruction(at: line).contains("dist-clean")
        case "no-base-image": !hasBaseImage(before: line)
        case "backtick-escape": escape == "`"
        default: false
        }
    }
}
