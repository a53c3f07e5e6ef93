#if canImport(Glibc)
import Glibc
#endif

/// The number of cores this process may use, read once: layers are read and ShellCheck runs
/// spread over them.
public enum ProcessInfoCores {
    public static let count: Int = {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 1
        #endif
    }()
}
