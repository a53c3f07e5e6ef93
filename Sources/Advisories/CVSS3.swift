#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CVSS v3.0/v3.1 base scores from a vector (`CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H`),
/// computed with the specification's formulas and its Roundup.
public struct CVSS3: Sendable, Equatable {
    public let baseScore: Double

    public init?(vector: String) {
        let parts = vector.split(separator: "/")
        guard let first = parts.first, first == "CVSS:3.0" || first == "CVSS:3.1" else { return nil }
        var metrics: [Substring: Substring] = [:]
        for part in parts.dropFirst() {
            let pair = part.split(separator: ":", maxSplits: 1)
            guard pair.count == 2 else { return nil }
            metrics[pair[0]] = pair[1]
        }
        guard let scope = metrics["S"], scope == "U" || scope == "C" else { return nil }
        let changed = scope == "C"
        let privileges: [Substring: Double] = changed ? ["N": 0.85, "L": 0.68, "H": 0.5] : ["N": 0.85, "L": 0.62, "H": 0.27]
        func weight(_ key: String) -> Double? { metrics[Substring(key)].flatMap { Self.weights[key]?[$0] } }
        guard let av = weight("AV"), let ac = weight("AC"), let ui = weight("UI"), let c = weight("C"), let i = weight("I"),
              let a = weight("A"), let pr = metrics["PR"].flatMap({ privileges[$0] }) else { return nil }
        let impactSubScore = 1 - (1 - c) * (1 - i) * (1 - a)
        let impact = changed ? 7.52 * (impactSubScore - 0.029) - 3.25 * pow(impactSubScore - 0.02, 15) : 6.42 * impactSubScore
        let exploitability = 8.22 * av * ac * pr * ui
        if impact <= 0 {
            baseScore = 0
        } else if changed {
            baseScore = Self.roundUp(min(1.08 * (impact + exploitability), 10))
        } else {
            baseScore = Self.roundUp(min(impact + exploitability, 10))
        }
    }

    /// The specification's metric weights (privileges required depends on scope and is chosen above).
    static let weights: [String: [Substring: Double]] = [
        "AV": ["N": 0.85, "A": 0.62, "L": 0.55, "P": 0.2],
        "AC": ["L": 0.77, "H": 0.44],
        "UI": ["N": 0.85, "R": 0.62],
        "C": ["H": 0.56, "L": 0.22, "N": 0], "I": ["H": 0.56, "L": 0.22, "N": 0], "A": ["H": 0.56, "L": 0.22, "N": 0],
    ]

    /// CVSS 3.1's Roundup: the smallest one-decimal number at least the input, free of floating-point drift.
    static func roundUp(_ value: Double) -> Double {
        let integer = Int((value * 100_000).rounded())
        if integer % 10_000 == 0 { return Double(integer) / 100_000 }
        return (Double(integer / 10_000) + 1) / 10
    }

    /// `critical` from 9.0, `high` from 7.0, `medium` from 4.0, `low` above 0, else `none`.
    public var rating: String { Self.rating(baseScore) }

    static func rating(_ score: Double) -> String {
        switch score {
        case 9...: "critical"
        case 7..<9: "high"
        case 4..<7: "medium"
        case 0.1..<4: "low"
        default: "none"
        }
    }
}
