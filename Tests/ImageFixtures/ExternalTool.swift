import Foundation

/// Runs a program from PATH with bytes on its standard input, for the reference tools the tests
/// compare with (gzip, zstd, python3 with jsonschema or packaging).
public enum ExternalTool {
    public struct Outcome {
        public var status: Int32
        public var output: [UInt8]
        public var text: String { String(decoding: output, as: UTF8.self) }
    }

    /// With `mergingErrors`, standard error is part of `output` (validators report there).
    public static func run(_ arguments: [String], input: [UInt8] = [], mergingErrors: Bool = false) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        if mergingErrors { process.standardError = stdout }
        try process.run()
        // A writer thread, so a large input cannot block while the output pipe fills.
        let writer = Thread {
            stdin.fileHandleForWriting.write(Data(input))
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: [UInt8](output))
    }
}
