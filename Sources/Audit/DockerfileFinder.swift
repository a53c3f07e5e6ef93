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
            guard let handle = opendir(directory) else { continue }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                guard name != ".", name != ".." else { continue }
                let path = directory == "." ? name : (directory.hasSuffix("/") ? directory + name : directory + "/" + name)
                var status = stat()
                guard lstat(path, &status) == 0 else { continue }
                switch status.st_mode & S_IFMT {
                case S_IFDIR:
                    if !skippedFolders.contains(name), !name.hasPrefix(".build") { pending.append(path) }
                case S_IFREG:
                    if isDockerfileName(name) { found.append(path) }
                default:
                    break
                }
            }
        }
        return found.sorted()
    }
}
