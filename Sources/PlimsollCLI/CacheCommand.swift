import ArgumentParser
import HostSystem
import Registry

/// `--cache-dir`: the cache to look at.
struct CacheLocation: ParsableArguments {
    @Option(name: .customLong("cache-dir"), help: "The cache. Default: PLIMSOLL_CACHE_DIR, else ~/.cache/plimsoll.")
    var path: String?

    var cache: BlobCache {
        get throws(UsageError) {
            guard let root = path ?? CacheDirectory.resolved else { throw UsageError(message: "no cache directory: set HOME, PLIMSOLL_CACHE_DIR or --cache-dir") }
            guard let cache = BlobCache(root: root) else { throw UsageError(message: "cannot use \(root) as the cache directory") }
            return cache
        }
    }
}

struct CacheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Show or prune the cache of registry blobs (verified, by digest).",
        subcommands: [CacheInfo.self, CachePrune.self])
}

struct CacheInfo: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "info", abstract: "Where the cache is, how many blobs it holds and their size.")

    @OptionGroup var location: CacheLocation

    func run() throws {
        let cache = try location.cache
        let usage = cache.usage()
        Output.standard("\(cache.root): \(usage.blobs) \(usage.blobs == 1 ? "blob" : "blobs"), \(usage.bytes) bytes\n")
    }
}

struct CachePrune: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "prune", abstract: "Delete cached blobs; with --older-than, only those not read for that many days.")

    @OptionGroup var location: CacheLocation

    @Option(name: .customLong("older-than"), help: ArgumentHelp("Only blobs not read for this many days (default: every blob).", valueName: "days"))
    var olderThan: Double?

    func run() throws {
        if let olderThan, !(olderThan >= 0 && olderThan <= 36_500) { throw UsageError(message: "--older-than must be 0 to 36500 days") }
        let cache = try location.cache
        let removed = cache.prune(unusedFor: (olderThan ?? 0) * 86_400)
        Output.standard("removed \(removed.blobs) \(removed.blobs == 1 ? "blob" : "blobs"), \(removed.bytes) bytes\n")
    }
}
