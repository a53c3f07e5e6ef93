import ArgumentParser
import Audit
import ContainerImage
import HostSystem
import HTTPTransfer
import Registry
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How to read an image: which platform, whether to verify digests, how to reach registries and
/// where to cache what they send.
struct ImageReadOptions: ParsableArguments {
    @Option(help: "For a multi-platform image: os/arch[/variant]. Default: linux/amd64, or the only platform.")
    var platform: String?

    @ArgumentParser.Flag(name: .customLong("no-verify"),
                         help: "Skip the digest and diff_id checks, for archives you built and trust: much faster on uncompressed layers (their file data is seeked over, not read).")
    var noVerify = false

    @OptionGroup var access: RegistryAccessOptions

    @Option(name: .customLong("cache-dir"), help: "Where downloaded blobs are cached. Default: PLIMSOLL_CACHE_DIR, else ~/.cache/plimsoll.")
    var cacheDirectory: String?

    /// `noCache` comes from the command's own `--no-cache` (CommonOptions or ``CacheFlag``).
    func values(noCache: Bool) throws(UsageError) -> ImageReading {
        let wanted: Platform?
        do {
            wanted = try platform.map { (text) throws(ImageError) -> Platform in try Platform(parsing: text) }
        } catch {
            throw UsageError(message: error.description)
        }
        var reading = ImageReading(platform: wanted, verifiesDigests: !noVerify, progress: isatty(STDERR_FILENO) == 1 ? LayerProgressLine() : nil,
                                   registry: try access.values.options(), cacheRoot: noCache ? nil : cacheDirectory ?? CacheDirectory.resolved)
        reading.notify = { Output.notes([AuditNote(.warning, $0)]) }
        return reading
    }
}

/// `--no-cache` for the commands without the lint options (sbom, scan).
struct CacheFlag: ParsableArguments {
    @ArgumentParser.Flag(name: .customLong("no-cache"), help: "Read and write no cache: every registry blob is downloaded again.")
    var noCache = false
}

/// Options for analysing an image and its CI thresholds (dive's `--ci` rules, measured exactly).
struct ImageOptions: ParsableArguments {
    @OptionGroup var reading: ImageReadOptions

    @Option(name: .customLong("max-size"), help: "Fail when the image's layers hold more than this many MiB (rule \(ImageLimits.Limit.maxSize.ruleID)).")
    var maxSize: Int?

    @Option(name: .customLong("min-efficiency"), help: "Fail when the efficiency is below this percentage (rule \(ImageLimits.Limit.minEfficiency.ruleID); default 90).")
    var minEfficiency: Int?

    @Option(name: .customLong("max-reclaimable"), help: "Fail when more than this many MiB are reclaimable (rule \(ImageLimits.Limit.maxReclaimable.ruleID)).")
    var maxReclaimable: Int?

    var limits: ImageLimits {
        get throws(UsageError) {
            let limits = ImageLimits(maxSizeMiB: maxSize, minEfficiencyPercent: minEfficiency, maxReclaimableMiB: maxReclaimable)
            do {
                try limits.validate()
            } catch {
                throw UsageError(message: "--\(error.description)")
            }
            return limits
        }
    }
}

/// `reading layers 3/6` on stderr while layers are read (only made when stderr is a terminal).
final class LayerProgressLine: ReadProgress {
    private let counts = Mutex((done: 0, total: 0))

    func started(layers: Int) {
        counts.withLock { $0.total = layers }
    }

    func layerDone() {
        let (done, total) = counts.withLock { counts in
            counts.done += 1
            return (counts.done, counts.total)
        }
        if total > 1 { Output.error("\rplimsoll: reading layers \(done)/\(total)") }
    }

    func finished() {
        if counts.withLock({ $0.total }) > 1 { Output.error("\r\u{1B}[K") }
    }
}
