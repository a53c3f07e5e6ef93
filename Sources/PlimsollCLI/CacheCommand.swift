import ArgumentParser
import ContainerImage
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
        abstract: "Show or prune the cache of registry blobs and layer analyses (verified, by digest).",
        subcommands: [CacheInfo.self, CachePrune.self])
}

struct CacheInfo: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "info", abstract: "Where the cache is, how many blobs and layer analyses it holds and their size.")

    @OptionGroup var location: CacheLocation

    func run() throws {
        let cache = try location.cache
        let analyses = CacheFolder.sweep(LayerAnalysisCache.folder(under: cache.root), removingUnusedFor: nil)
        Output.standard("\(cache.root): \(CacheSummary(blobs: cache.usage(), analyses: analyses))\n")
    }
}

struct CachePrune: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "prune", abstract: "Delete cached blobs and layer analyses; with --older-than, only those not used for that many days.")

    @OptionGroup var location: CacheLocation

    @Option(name: .customLong("older-than"), help: ArgumentHelp("Only entries not used for this many days (default: every entry).", valueName: "days"))
    var olderThan: Double?

    func run() throws {
        if let olderThan, !(olderThan >= 0 && olderThan <= 36_500) { throw UsageError(message: "--older-than must be 0 to 36500 days") }
        let cache = try location.cache
        let age = (olderThan ?? 0) * 86_400
        let analyses = CacheFolder.sweep(LayerAnalysisCache.folder(under: cache.root), removingUnusedFor: age)
        Output.standard("removed \(CacheSummary(blobs: cache.prune(unusedFor: age), analyses: analyses))\n")
    }
}

/// `3 blobs, 1200 bytes; 2 layer analyses, 300 bytes`.
private struct CacheSummary: CustomStringConvertible {
    var blobs: CacheFolder.Usage
    var analyses: CacheFolder.Usage

    var description: String {
        "\(blobs.entries) \(blobs.entries == 1 ? "blob" : "blobs"), \(blobs.bytes) bytes; "
            + "\(analyses.entries) layer \(analyses.entries == 1 ? "analysis" : "analyses"), \(analyses.bytes) bytes"
    }
}
