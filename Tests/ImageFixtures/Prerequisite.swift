import Foundation

/// What a test needs from outside the repository, checked once, for Swift Testing's
/// `.enabled(if:_:)`: a run then reports a test whose prerequisite is missing as skipped, with the
/// reason, instead of as passed. CI installs every one of them (`.ci/run`).
public enum Prerequisite {
    /// The repository's root folder.
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/NAME` beside the repository.
    public static func shared(_ name: String) -> URL {
        repository.deletingLastPathComponent().appendingPathComponent("shared").appendingPathComponent(name)
    }

    public static let sharedCorpus = exists(shared("corpus"))
    public static let sharedSchemas = exists(shared("schemas"))

    public static func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }

    /// Whether `program` runs from PATH (its exit status does not matter).
    public static func runs(_ arguments: [String]) -> Bool {
        (try? ExternalTool.run(arguments).status) == 0
    }

    /// Whether python3 can import every one of `modules`.
    public static func python(_ modules: String...) -> Bool {
        runs(["python3", "-c", "import " + modules.joined(separator: ", ")])
    }
}
