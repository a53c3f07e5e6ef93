#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The entries of one directory, for walks that go by path. (The build-context walk goes by
/// descriptor, `openat` relative to each directory, so a directory swapped for a link mid-walk
/// cannot lead it outside the context; it reads its entries itself.)
public enum DirectoryListing {
    public enum Kind: Sendable {
        case directory, file, other
    }

    public struct Entry: Sendable {
        public var name: String
        /// `directory/name`, without a doubled slash.
        public var path: String
        /// From `lstat`: a symbolic link is `.other`, never followed.
        public var kind: Kind
    }

    /// Every entry but `.` and `..`; nil when the directory cannot be opened.
    public static func entries(of directory: String) -> [Entry]? {
        guard let handle = opendir(directory) else { return nil }
        defer { closedir(handle) }
        var entries: [Entry] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard name != ".", name != ".." else { continue }
            let path = directory == "." ? name : (directory.hasSuffix("/") ? directory + name : directory + "/" + name)
            var status = stat()
            let kind: Kind
            if lstat(path, &status) != 0 {
                kind = .other
            } else {
                switch status.st_mode & S_IFMT {
                case S_IFDIR: kind = .directory
                case S_IFREG: kind = .file
                default: kind = .other
                }
            }
            entries.append(Entry(name: name, path: path, kind: kind))
        }
        return entries
    }
}
