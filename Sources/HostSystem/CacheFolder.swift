#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder of cache entries, one file each, whose access time records their last use.
public enum CacheFolder {
    /// How many entries a folder holds and their bytes.
    public struct Usage: Sendable, Equatable {
        public var entries: Int
        public var bytes: Int64

        public init(entries: Int = 0, bytes: Int64 = 0) {
            self.entries = entries
            self.bytes = bytes
        }
    }

    /// Counts the entries of `folder`; with `seconds`, deletes those not used for that long (by
    /// access or modification time, whichever is later) and counts what it deleted. Partial
    /// entries left by an interrupted write age the same way.
    public static func sweep(_ folder: String, removingUnusedFor seconds: Double?) -> Usage {
        var usage = Usage()
        let now = Double(time(nil))
        for entry in DirectoryListing.entries(of: folder) ?? [] where entry.kind == .file {
            var status = stat()
            guard stat(entry.path, &status) == 0 else { continue }
            let used = Double(max(status.st_atim.tv_sec, status.st_mtim.tv_sec))
            if let seconds {
                guard now - used >= seconds, unlink(entry.path) == 0 else { continue }
            }
            usage.entries += 1
            usage.bytes += Int64(status.st_size)
        }
        return usage
    }

    /// Records a use of the entry at `path`, for pruning by age.
    public static func touch(_ path: String) { utimes(path, nil) }
}
