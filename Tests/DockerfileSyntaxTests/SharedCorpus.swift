import Foundation

/// `../shared/corpus`, beside the repository, when it exists.
enum SharedCorpus {
    static let root: URL? = {
        let repository = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let corpus = repository.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        return FileManager.default.fileExists(atPath: corpus.path) ? corpus : nil
    }()

    static func folder(_ name: String) -> URL? {
        root?.appendingPathComponent(name)
    }

    static func entries(_ name: String) -> [String] {
        guard let folder = folder(name),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.sorted()
    }
}
