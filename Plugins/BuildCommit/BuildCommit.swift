import Foundation
import PackagePlugin

/// Records the git commit the executable is built from (`plimsoll --version`): before each build a
/// shell asks git for it and rewrites `BuildCommit.swift` only when it changed, so an unchanged
/// commit recompiles nothing. Outside a git checkout (a source tarball) the commit is `unknown`.
@main
struct BuildCommit: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "BuildCommit.swift")
        let script = """
            commit=$(git -C "$1" rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
            text="let buildCommit = \\"$commit\\""
            [ "$(cat "$2" 2>/dev/null)" = "$text" ] || printf '%s\\n' "$text" > "$2"
            """
        return [.prebuildCommand(displayName: "Recording the git commit", executable: URL(fileURLWithPath: "/bin/sh"),
                                 arguments: ["-c", script, "sh", context.package.directoryURL.path, output.path],
                                 outputFilesDirectory: context.pluginWorkDirectoryURL)]
    }
}
