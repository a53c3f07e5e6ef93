import ContainerImage
import SecretScanning

/// A credential found in a file of the image, by name or by content.
struct ImageSecret {
    var path: String
    var layer: Int
    var entry: Int
    var title: String
    /// The masked value, or nil when the file name alone gives it away.
    var masked: String?
    var line: Int
    var others: Int

    /// `SSH private key` or `AWS access key ID AKIA… (20 characters) at line 2`.
    var description: String {
        let found = masked.map { "\(title) \($0) at line \(line)" } ?? title
        return others > 0 ? "\(found) and \(others) more" : found
    }

    /// Every layer entry whose content was read, checked by name and content.
    static func search(_ changes: [LayerChanges], configuration: Configuration) -> [ImageSecret] {
        var secrets: [ImageSecret] = []
        let configured = ImagePathPatterns.compiled(configuration.sensitiveFiles)
        for layer in changes {
            for (entry, content) in layer.captured.sorted(by: { $0.key < $1.key }) {
                let path = layer.entries[entry].path
                if configured.matches(path) {
                    secrets.append(ImageSecret(path: path, layer: layer.index, entry: entry, title: "file listed under sensitive-files",
                                               masked: nil, line: 1, others: 0))
                    continue
                }
                guard !ImageContentSelection.isSkipped(path), !ImageContentSelection.accountFiles.contains(path) else { continue }
                if let sensitive = SensitiveFile.classify(path, content: { content }) {
                    secrets.append(ImageSecret(path: path, layer: layer.index, entry: entry, title: sensitive.title, masked: nil, line: 1, others: 0))
                    continue
                }
                let matches = SecretScanner.scan(content)
                guard let first = matches.first else { continue }
                secrets.append(ImageSecret(path: path, layer: layer.index, entry: entry, title: first.kind.title, masked: first.masked,
                                           line: first.line, others: matches.count - 1))
            }
        }
        return secrets
    }

    /// Whether the final filesystem still shows this very entry at its path.
    func isVisible(in tree: FileTree) -> Bool {
        guard let node = tree.lookup(path) else { return false }
        return node.layer == layer && node.entry == entry
    }
}
