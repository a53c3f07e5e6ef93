/// Where plimsoll keeps what it can rebuild (ShellCheck's answers, the advisory database):
/// `PLIMSOLL_CACHE_DIR`, else `$XDG_CACHE_HOME/plimsoll`, else `~/.cache/plimsoll`.
public enum CacheDirectory {
    public static var resolved: String? {
        if let explicit = Environment.value("PLIMSOLL_CACHE_DIR") { return explicit }
        if let cache = Environment.value("XDG_CACHE_HOME") { return cache + "/plimsoll" }
        return Environment.value("HOME").map { $0 + "/.cache/plimsoll" }
    }
}
