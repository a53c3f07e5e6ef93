import Foundation

/// gzip and zstd through the system tools, so fixtures are compressed by real implementations.
public enum Compressor {
    public static func gzip(_ bytes: [UInt8]) -> [UInt8] { run(["gzip", "-c", "-n"], bytes) }
    public static func zstd(_ bytes: [UInt8]) -> [UInt8] { run(["zstd", "-c", "-q"], bytes) }

    static func run(_ arguments: [String], _ input: [UInt8]) -> [UInt8] {
        do {
            return try ExternalTool.run(arguments, input: input).output
        } catch {
            fatalError("cannot run \(arguments[0]): \(error)")
        }
    }
}
