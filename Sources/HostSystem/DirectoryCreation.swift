#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `mkdir -p`: the caches (ShellCheck's answers, registry blobs) make their folders on first use.
public enum DirectoryCreation {
    /// Whether `path` is a directory afterwards, made with any missing parents (mode 0755).
    @discardableResult
    public static func makeAll(_ path: String) -> Bool {
        let bytes = Array(path.utf8)
        for end in bytes.indices where end > 0 && bytes[end] == UInt8(ascii: "/") {
            _ = mkdir(String(decoding: bytes[..<end], as: UTF8.self), 0o755)
        }
        return mkdir(path, 0o755) == 0 || (errno == EEXIST && FileReader.isDirectory(path))
    }
}
