import Foundation

/// gzip and zstd through the system tools, so fixtures are compressed by real implementations.
public enum Compressor {
    public static func gzip(_ bytes: [UInt8]) -> [UInt8] { run(["gzip", "-c", "-n"], bytes) }
    public static func zstd(_ bytes: [UInt8]) -> [UInt8] { run(["zstd", "-c", "-q"], bytes) }

    static func run(_ arguments: [String], _ input: [UInt8]) -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        do { try process.run() } catch { fatalError("cannot run \(arguments[0]): \(error)") }
        let writer = Thread {
            stdin.fileHandleForWriting.write(Data(input))
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return [UInt8](output)
    }
}
