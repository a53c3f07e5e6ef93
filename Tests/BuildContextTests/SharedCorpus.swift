import Foundation

/// `../shared/corpus`, beside the repository, when it exists.
enum SharedCorpus {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let root: URL? = {
        let corpus = repository.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        return FileManager.default.fileExists(atPath: corpus.path) ? corpus : nil
    }()

    /// Rows of a tab-separated file with a header, as dictionaries by column name.
    static func table(_ name: String) -> [[String: String]] {
        guard let url = root?.appendingPathComponent(name), let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return [] }
        return lines.dropFirst().map { cells in
            Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0 < cells.count ? cells[$0] : "") })
        }
    }

    static func json(_ text: String) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }
}
