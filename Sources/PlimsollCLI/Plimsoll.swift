import ArgumentParser
import Checks

/// The `plimsoll` command and its subcommands.
struct Plimsoll: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plimsoll",
        abstract: "Make container images small and safe: lint Dockerfiles, build contexts and built images for size and security practices.",
        version: "\(ToolInfo.version) (commit \(buildCommit))",
        subcommands: [Check.self, Lint.self, ContextCommand.self, ImageCommand.self, SBOMCommand.self, ScanCommand.self, DatabaseCommand.self, CacheCommand.self, Rules.self])
}
