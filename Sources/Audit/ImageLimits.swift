import Checks

/// The CI thresholds of an image analysis (dive's `--ci` rules, measured exactly), given by a front
/// end to override the configuration's.
public struct ImageLimits: Sendable, Equatable {
    /// Which limit, named as `.plimsoll.yaml` and the command line name it.
    public enum Limit: String, Sendable {
        case maxSize = "max-size"
        case minEfficiency = "min-efficiency"
        case maxReclaimable = "max-reclaimable"

        /// The rule the limit sets: image-size-limit, low-efficiency, reclaimable-limit.
        public var ruleID: String {
            switch self {
            case .maxSize: "PI007"
            case .minEfficiency: "PI005"
            case .maxReclaimable: "PI006"
            }
        }

        /// The rule's option in the configuration.
        var option: String {
            switch self {
            case .maxSize: "max-size-mb"
            case .minEfficiency: "min-efficiency-percent"
            case .maxReclaimable: "max-reclaimable-mb"
            }
        }

        public var accepted: ClosedRange<Int> {
            switch self {
            case .minEfficiency: 0...100
            case .maxSize, .maxReclaimable: 1...Int(Int32.max)
            }
        }
    }

    /// A limit outside the values it accepts.
    public struct OutOfRange: Error, Sendable, CustomStringConvertible {
        public var limit: Limit

        /// `min-efficiency must be in 0...100`.
        public var description: String {
            "\(limit.rawValue) must be in \(limit.accepted.lowerBound)...\(limit.accepted.upperBound)"
        }
    }

    public var maxSizeMiB: Int?
    public var minEfficiencyPercent: Int?
    public var maxReclaimableMiB: Int?

    public init(maxSizeMiB: Int? = nil, minEfficiencyPercent: Int? = nil, maxReclaimableMiB: Int? = nil) {
        self.maxSizeMiB = maxSizeMiB
        self.minEfficiencyPercent = minEfficiencyPercent
        self.maxReclaimableMiB = maxReclaimableMiB
    }

    /// Refuses a limit outside the values it accepts.
    public func validate() throws(OutOfRange) {
        _ = try applied(to: Configuration())
    }

    /// The configuration with these limits in place of its own.
    public func applied(to configuration: Configuration) throws(OutOfRange) -> Configuration {
        var configuration = configuration
        for (limit, value) in [(Limit.maxSize, maxSizeMiB), (.minEfficiency, minEfficiencyPercent), (.maxReclaimable, maxReclaimableMiB)] {
            guard let value else { continue }
            guard limit.accepted.contains(value) else { throw OutOfRange(limit: limit) }
            configuration.ruleOptions[limit.ruleID, default: [:]][limit.option] = value
        }
        return configuration
    }
}
