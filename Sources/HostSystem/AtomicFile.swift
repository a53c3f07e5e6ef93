#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a whole file so that readers see either nothing or all of it: the bytes go to a temporary
/// file in the same folder (so the rename cannot cross file systems), which is renamed into place.
/// Several processes may write the same path at once; each renames a complete file.
public enum AtomicFile {
    /// False when the file could not be written (a read-only or full disk); nothing is left behind then.
    @discardableResult
    public static func write(_ bytes: UnsafeRawBufferPointer, to path: String) -> Bool {
        guard let (descriptor, temporary) = TemporaryFile.create(prefix: path + ".partial-") else { return false }
        fchmod(descriptor, 0o644)
        let complete = FileWriter.writeAll(descriptor, bytes)
        let closed = close(descriptor) == 0
        guard complete, closed, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }
}
