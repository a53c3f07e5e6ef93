#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finding a byte string in bytes: `memchr` for the first byte, then a comparison (glibc's
/// `memmem` is not exported to Swift). Foundation's and the standard library's text search compare
/// characters, and cost far more on large files and on many short searches alike.
public enum ByteSearch {
    /// Where `needle` first occurs in `haystack` at or after `start`; an empty needle occurs at `start`.
    public static func firstOffset(of needle: UnsafeRawBufferPointer, in haystack: UnsafeRawBufferPointer, from start: Int = 0) -> Int? {
        guard let pattern = needle.baseAddress, !needle.isEmpty else { return start <= haystack.count ? start : nil }
        guard let base = haystack.baseAddress, haystack.count >= needle.count else { return nil }
        let lastStart = haystack.count - needle.count
        var offset = start
        while offset <= lastStart {
            guard let found = memchr(base + offset, Int32(needle[0]), lastStart - offset + 1) else { return nil }
            offset = base.distance(to: UnsafeRawPointer(found))
            if memcmp(base + offset, pattern, needle.count) == 0 { return offset }
            offset += 1
        }
        return nil
    }
}
