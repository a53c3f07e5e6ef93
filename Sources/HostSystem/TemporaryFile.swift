#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A new file no other process can have opened (mkstemp): `prefix` followed by six random
/// characters, created read-write for its owner only.
public enum TemporaryFile {
    /// The open descriptor and the file's path, or nil when it cannot be made (a missing,
    /// read-only or full directory).
    public static func create(prefix: String) -> (descriptor: Int32, path: String)? {
        var template = Array((prefix + "XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard descriptor >= 0 else { return nil }
        return (descriptor, String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
}
