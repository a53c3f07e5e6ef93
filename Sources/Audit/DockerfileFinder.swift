import HostSystem
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BuildContext

/// Finds the Dockerfiles of a project: `Dockerfile`, `*.Dockerfile`, `*.dockerfile`, `Dockerfile.*`.
public enum DockerfileFinder {
    /// Folders that hold dependencies, VCS data or build output, never a project's own Dockerfiles.
    /// (Also every `.build*` folder, SwiftPM's.)
    public static let skippedFolders = [".git", ".hg", ".svn", "node_modules", "vendor", ".venv", "venv", "__pycache__", ".tox", "target", "dist"]

    /// `.git, .hg, …, dist and .build*`, for help texts.
    public static var skippedFoldersText: String { skippedFolders.joined(separator: ", ") + " and .build*" }

    /// `DIR/Dockerfile`, written as `check` and `context` print paths: `Dockerfile` for `.`, not `./Dockerfile`.
    public static func standardPath(in directory: String) -> String {
        if directory == "." || directory == "./" { return "Dockerfile" }
        return directory.hasSuffix("/") ? directory + "Dockerfile" : directory + "/Dockerfile"
    }

    public static func isDockerfileName(_ name: String) -> Bool {
        let lower = name.lowercased()
        if lower == "dockerfile" || lower.hasSuffix(".dockerfile") { return true }
        guard lower.hasPrefix("dockerfile.") else { return false }
        return !lower.hasSuffix(".dockerignore") && !lower.hasSuffix(".md")
    }

    public static func find(in root: String) throws(AuditError) -> [String] {
        guard FileReader.isDirectory(root) else {
            throw AuditError("cannot check \(root): \(access(root, F_OK) == 0 ? "it is not a directory" : "no such directory")")
        }
        var found: [String] = []
        var pending = [root]
        while let directory = pending.popLast() {
            for entry in DirectoryListing.entries(of: directory) ?? [] {
                switch entry.kind {
                case .directory:
                    if !skippedFolders.contains(entry.name), !entry.name.hasPrefix(".build") { pending.append(entry.path) }
                case .file:
                    if isDockerfileName(entry.name) { found.append(entry.path) }
                case .other:
                    break
                }
            }
        }
        return found.sorted()
    }
}
