#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which build of the running program this is, so that results cached by one build are never read
/// by another: a rebuild or reinstall changes the executable's size or modification time even when
/// the version number stays the same.
public enum ExecutableIdentity {
    /// `size.seconds.nanoseconds` of the running executable; nil where it cannot be found.
    public static let current: String? = {
        #if os(Linux)
        var status = stat()
        guard stat("/proc/self/exe", &status) == 0 else { return nil }
        return "\(status.st_size).\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
        #else
        return nil
        #endif
    }()
}
