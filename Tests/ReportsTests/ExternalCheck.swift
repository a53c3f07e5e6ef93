import Foundation

/// Runs python3 on a script with a file argument; the reference validators live there.
enum ExternalCheck {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let schemas = repository.deletingLastPathComponent().appendingPathComponent("shared/schemas")

    struct Outcome {
        var status: Int32
        var output: String
    }

    static func python(_ script: String, input text: String) throws -> Outcome {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("plimsoll-\(UUID().uuidString)")
        try text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}
