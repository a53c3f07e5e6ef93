import DockerfileSyntax

/// What a later RUN can need of an earlier one: the package index (apt's lists, apk's cached
/// APKINDEX) the earlier RUN downloaded and the later one installs from without fetching it again.
/// A fix that removes the index from the earlier RUN's layer breaks that build, so it is no safe fix.
enum LaterIndexReads {
    /// Whether a RUN after `step` — later in its stage, or in a stage built FROM it — installs or
    /// upgrades with `manager` before anything fetches that index again.
    static func needIndex(of manager: PackageManager, after step: Step, in graph: BuildGraph) -> Bool {
        guard let stage = graph.stages.first(where: { $0.steps.contains { $0.instruction.span == step.instruction.span } }) else { return false }
        let later = stage.steps.drop { $0.instruction.span != step.instruction.span }.dropFirst()
        // A stage built FROM this one starts from its last layer, after all of its own steps.
        let descendants = graph.stages.filter { candidate in graph.lineage(of: candidate).dropFirst().contains { $0.index == stage.index } }
            .flatMap(\.steps)
        for run in Array(later) + descendants where run.instruction.kind == .run {
            for command in PackageCommands(run)?.commands ?? [] where command.manager == manager {
                if command.action == .refreshIndex || fetchesOwnIndex(command) { return false }
                if command.action == .install || command.action == .upgrade { return true }
            }
        }
        return false
    }

    /// `apk add --no-cache` downloads the index it needs for itself.
    private static func fetchesOwnIndex(_ command: PackageManagerCommand) -> Bool {
        command.manager == .apk && command.arguments.contains("--no-cache")
    }
}
