import Advisories
import ArgumentParser
import Synchronization
import Checks
import ContainerImage
import DockerfileSyntax
import Packages
import Reports
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How to read an image: which platform, and whether to verify digests.
struct ImageReadOptions: ParsableArguments {
    @Option(help: "For a multi-platform image: os/arch[/variant]. Default: linux/amd64, or the only platform.")
    var platform: String?

    @ArgumentParser.Flag(name: .customLong("no-verify"),
                         help: "Skip the digest and diff_id checks, for archives you built and trust: much faster on uncompressed layers (their file data is seeked over, not read).")
    var noVerify = false

    /// Opens the image, streams its layers once, keeping the contents `capture` asks for, and
    /// analyses them; the analysis may overlap the last digest checks, and its result is returned
    /// only when they pass.
    func read<Analysis>(_ reference: String, capture: @escaping @Sendable (Image) -> @Sendable (String, Int64) -> Int,
                        inspector: @escaping @Sendable (String, Int64, UInt32) -> (any ContentInspector)? = { _, _, _ in nil },
                        analysing analyse: (Image, [LayerChanges]) throws(UsageError) -> Analysis) throws(UsageError) -> Analysis {
        let outcome: Result<Analysis, UsageError>
        do {
            let wanted = try platform.map { (text) throws(ImageError) -> Platform in try Platform(parsing: text) }
            let image = try ImageLoader.load(reference, platform: wanted)
            let progress = ScanProgress(total: image.layers.count)
            var reader = LayerReader(verifiesDigests: !noVerify, capture: capture(image))
            reader.inspector = inspector
            outcome = try LayerScan.read(image, with: reader, progress: progress.layerDone) { changes in
                progress.finish()
                return Result { () throws(UsageError) -> Analysis in try analyse(image, changes) }
            }
        } catch {
            throw UsageError(message: error.description)
        }
        return try outcome.get()
    }
}

/// Options for analysing an image and its CI thresholds (dive's `--ci` rules, measured exactly).
struct ImageOptions: ParsableArguments {
    @OptionGroup var reading: ImageReadOptions

    @Option(name: .customLong("max-size"), help: "Fail when the image's layers hold more than this many MiB (rule PI007).")
    var maxSize: Int?

    @Option(name: .customLong("min-efficiency"), help: "Fail when the efficiency is below this percentage (rule PI005; default 90).")
    var minEfficiency: Int?

    @Option(name: .customLong("max-reclaimable"), help: "Fail when more than this many MiB are reclaimable (rule PI006).")
    var maxReclaimable: Int?

    /// The thresholds given on the command line override the configuration file's.
    func apply(to configuration: inout Configuration) throws(UsageError) {
        let overrides: [(Int?, String, String, ClosedRange<Int>)] = [
            (maxSize, "PI007", "max-size-mb", 1...Int(Int32.max)),
            (minEfficiency, "PI005", "min-efficiency-percent", 0...100),
            (maxReclaimable, "PI006", "max-reclaimable-mb", 1...Int(Int32.max)),
        ]
        for (value, rule, option, range) in overrides {
            guard let value else { continue }
            guard range.contains(value) else { throw UsageError(message: "--\(Self.flag(option)) must be in \(range.lowerBound)...\(range.upperBound)") }
            configuration.ruleOptions[rule, default: [:]][option] = value
        }
    }

    private static func flag(_ option: String) -> String {
        switch option {
        case "max-size-mb": "max-size"
        case "min-efficiency-percent": "min-efficiency"
        default: "max-reclaimable"
        }
    }

    /// Reads the image and runs the image rules, joined to `dockerfile` when there is one; with an
    /// advisory database, the packages' known vulnerabilities are findings too (rule PV001).
    func inspect(_ reference: String, dockerfile: SourceFile?, settings: CommonValues.RunSettings,
                 advisories: AdvisoryDatabase? = nil) throws(UsageError) -> ImageReport {
        var configuration = settings.configuration
        try apply(to: &configuration)
        let settingsForSelection = configuration
        let cataloguing = advisories != nil
        let capture: @Sendable (Image) -> @Sendable (String, Int64) -> Int = { image in
            let selection = ImageContentSelection(configuration: image.configuration, settings: settingsForSelection)
            return { path, size in
                let forRules = selection.bytesWanted(path: path, size: size)
                return cataloguing ? max(forRules, SoftwareBill.bytesWanted(path: path, size: size)) : forRules
            }
        }
        let inspector: @Sendable (String, Int64, UInt32) -> (any ContentInspector)? = { path, size, mode in
            cataloguing ? SoftwareBill.inspector(path: path, size: size, mode: mode) : nil
        }
        return try reading.read(reference, capture: capture, inspector: inspector) { (image, changes) throws(UsageError) in
            var review: VulnerabilityReview?
            if let advisories {
                let bill = SoftwareBill(reference: reference, image: image, changes: changes, created: "", documentID: "")
                review = try VulnerabilityScan.review(bill, database: advisories, configuration: configuration, today: settings.today)
            }
            return ImageLinter(configuration: configuration, options: settings.build)
                .check(reference: reference, image: image, imageConfiguration: image.configuration, changes: changes, dockerfile: dockerfile,
                       additionalFindings: { placement in review?.findings(placement: placement) ?? [] })
        }
    }
}

/// `reading layers 3/6` on stderr while layers are read, only when stderr is a terminal.
final class ScanProgress: Sendable {
    private let total: Int
    private let enabled: Bool
    private let done = Mutex(0)

    init(total: Int) {
        self.total = total
        enabled = isatty(STDERR_FILENO) == 1 && total > 1
    }

    var layerDone: @Sendable () -> Void {
        { [self] in
            guard enabled else { return }
            let count = done.withLock { value in
                value += 1
                return value
            }
            Output.error("\rplimsoll: reading layers \(count)/\(total)")
        }
    }

    func finish() {
        if enabled { Output.error("\r\u{1B}[K") }
    }
}
