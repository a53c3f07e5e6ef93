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
    /// Why the history cannot be the Dockerfile's, when it is plain: the final stage RUNs commands
    /// and the history RUNs some too, yet not one of them is the same command. Joining them anyway
    /// would put findings on lines that did not make those layers.
    public static func disagreement(history: LayerHistory, steps: [Step]) -> String? {
        let written = Set(steps.map(\.instruction).filter { $0.keyword.uppercased() == "RUN" }
            .map { HistoryCommand.collapsingWhitespace(Substring($0.rest.value)) })
        let recorded = history.entries.map { HistoryCommand(createdBy: $0.createdBy ?? "") }.filter { $0.keyword == "RUN" }
        guard !written.isEmpty, !recorded.isEmpty, !recorded.contains(where: { written.contains($0.text) }) else { return nil }
        return "none of the image's \(recorded.count) RUN \(recorded.count == 1 ? "command is" : "commands are") among the Dockerfile's \(written.count)"
    }

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
