#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process environment, read in one place.
public enum Environment {
    /// The variable's value; nil when it is unset or empty (how plimsoll reads its own settings).
    public static func value(_ name: String) -> String? {
        guard let raw = getenv(name), raw.pointee != 0 else { return nil }
        return String(cString: raw)
    }

    /// The variable's value, empty included; nil only when it is unset (`--build-arg KEY` passes an empty value on).
    public static func setValue(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
