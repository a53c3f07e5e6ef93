import ContainerImage
import DockerfileSyntax

/// A RUN recorded in the image history, parsed like a Dockerfile RUN: what dockle's history checks read.
struct HistoryRun {
    /// Index in the history.
    var position: Int
    /// The filesystem layer it made, nil for an empty layer.
    var layer: Int?
    var script: ShellScript

    static func all(in history: LayerHistory) -> [HistoryRun] {
        history.entries.enumerated().compactMap { position, entry in
            let command = HistoryCommand(createdBy: entry.createdBy ?? "")
            guard command.keyword == "RUN", !command.text.isEmpty else { return nil }
            return HistoryRun(position: position, layer: history.layer(ofEntry: position), script: ShellParser.parse(command.text))
        }
    }
}
