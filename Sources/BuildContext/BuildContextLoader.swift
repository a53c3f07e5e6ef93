import HostSystem

/// Finds the ignore file that applies to a build and walks the context with it.
public enum BuildContextLoader {
    /// Ignore files larger than this are refused; real ones are a few KiB.
    static let ignoreFileLimit = 16 << 20

    /// BuildKit reads `<Dockerfile>.dockerignore` beside the Dockerfile if present, else `<context>/.dockerignore`.
    public static func ignoreFilePath(context: String, dockerfile: String?) -> String? {
        if let dockerfile, FileReader.exists(dockerfile + ".dockerignore") { return dockerfile + ".dockerignore" }
        let root = context.hasSuffix("/") ? context + ".dockerignore" : context + "/.dockerignore"
        return FileReader.exists(root) ? root : nil
    }

    public static func load(context: String, dockerfile: String?) throws(ContextError) -> ContextSnapshot {
        guard FileReader.isDirectory(context) else {
            throw ContextError(message: "cannot use \(context) as a build context: \(FileReader.exists(context) ? "it is not a directory" : "no such directory")")
        }
        let ignorePath = ignoreFilePath(context: context, dockerfile: dockerfile)
        var matcher = PatternMatcher.empty
        if let ignorePath {
            do {
                let lines = IgnoreFile.read(try FileReader.read(ignorePath, limit: ignoreFileLimit))
                matcher = try PatternMatcher(lines)
            } catch let error as FileReadError {
                throw ContextError(message: error.description)
            } catch let error as IgnorePatternError {
                throw ContextError(message: "\(ignorePath): \(error.description)")
            } catch {
                throw ContextError(message: "\(ignorePath): \(error)")
            }
        }
        return try ContextWalker.walk(context, matcher: matcher, ignoreFile: ignorePath)
    }
}
