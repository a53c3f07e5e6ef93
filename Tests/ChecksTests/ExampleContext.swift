import Checks
import DockerfileSyntax
import Foundation

/// A context rule's example written to a temporary directory.
final class ExampleContext {
    let root: URL
    let dockerfile: SourceFile?

    init(_ text: String) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("plimsoll-example-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        var dockerfile: SourceFile?
        for entry in ContextExample.entries(text) {
            let url = root.appendingPathComponent(entry.path)
            if entry.isDirectory {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
                continue
            }
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(entry.content).write(to: url)
            if entry.path == "Dockerfile" { dockerfile = SourceFile(path: url.path, bytes: entry.content) }
        }
        self.dockerfile = dockerfile
    }

    deinit { try? FileManager.default.removeItem(at: root) }
}
