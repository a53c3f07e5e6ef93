@testable import Advisories
import Foundation
import ImageFixtures
import Testing

/// plimsoll against the real `dpkg --compare-versions` on generated versions.
@Suite struct DifferentialVersionTests {
    static func randomDebianVersion(_ generator: inout some RandomNumberGenerator) -> String {
        let pieces = ["0", "1", "2", "10", "01", "a", "b", "rc", "~", "~~", "+", ".", "9", "beta", "0.1", "deb12u1"]
        var upstream = String(Int.random(in: 0...12, using: &generator))
        for _ in 0..<Int.random(in: 0...4, using: &generator) { upstream += pieces.randomElement(using: &generator) ?? "" }
        var version = Bool.random(using: &generator) ? "\(Int.random(in: 0...2, using: &generator)):" + upstream : upstream
        if Bool.random(using: &generator) {
            version += "-" + ["1", "2", "0ubuntu1", "1+b1", "1~bpo1", "10"].randomElement(using: &generator)!
        }
        return version
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/dpkg"), "dpkg is not installed"))
    func dpkgAgreesWithDpkgCompareVersions() throws {
        var generator = SeededGenerator(seed: 20261128)
        var pairs: [(String, String)] = []
        for _ in 0..<300 { pairs.append((Self.randomDebianVersion(&generator), Self.randomDebianVersion(&generator))) }
        // One shell runs every comparison; each line says lt, eq or gt.
        let script = pairs.map { a, b in
            "if dpkg --compare-versions '\(a)' lt '\(b)' 2>/dev/null; then echo lt; elif dpkg --compare-versions '\(a)' eq '\(b)' 2>/dev/null; then echo eq; else echo gt; fi"
        }.joined(separator: "\n")
        let answers = try ExternalTool.run(["sh", "-c", script]).text.split(separator: "\n")
        try #require(answers.count == pairs.count)
        var compared = 0
        for ((a, b), answer) in zip(pairs, answers) {
            guard let left = DpkgVersion(a), let right = DpkgVersion(b) else { continue }
            compared += 1
            let ours = DpkgVersion.compare(left, right)
            let expected = answer == "lt" ? -1 : (answer == "eq" ? 0 : 1)
            #expect(sign(ours) == expected, "\(a) vs \(b): dpkg says \(answer)")
        }
        #expect(compared > 250, "only \(compared) generated pairs were valid versions")
    }
}

/// A small deterministic generator (SplitMix64), so a failure reproduces.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
