import ContainerImage
import DockerfileSyntax

/// Where a layer came from: its history entry and, when a Dockerfile is given, the instruction that made it.
public struct LayerOrigin: Sendable {
    public var createdBy: String?
    /// The final-stage instruction that made the layer.
    public var instruction: Instruction?
    /// True for layers that predate the Dockerfile's first instruction: they come from the base image.
    public var fromBaseImage: Bool

    /// Aligns the image's history with the final stage's instructions from the end backwards: the
    /// last history entries are the Dockerfile's own, everything before them is the base image.
    /// An exact text match wins; otherwise the nearest instruction with the same keyword.
    public static func match(history: LayerHistory, steps: [Step]) -> [LayerOrigin] {
        let commands = history.entries.map { HistoryCommand(createdBy: $0.createdBy ?? "") }
        let instructions = steps.map(\.instruction)
        var matched: [Int: Instruction] = [:]
        var next = instructions.count - 1
        var earliestMatch: Int?
        for position in commands.indices.reversed() where next >= 0 {
            let command = commands[position]
            let candidates = (0...next).reversed().filter { instructions[$0].keyword.uppercased() == command.keyword }
            let exact = candidates.first { HistoryCommand.collapsingWhitespace(Substring(instructions[$0].rest.value)) == command.text }
            guard let chosen = exact ?? candidates.first else { continue }
            matched[position] = instructions[chosen]
            earliestMatch = position
            next = chosen - 1
        }
        return history.entryForLayer.map { entry in
            guard let entry else { return LayerOrigin(createdBy: nil, instruction: nil, fromBaseImage: false) }
            return LayerOrigin(createdBy: history.entries[entry].createdBy, instruction: matched[entry],
                               fromBaseImage: earliestMatch.map { entry < $0 } ?? false)
        }
    }
}
