@testable import Advisories
import Foundation
import ImageFixtures
import Testing

/// Maven ordering: Maven's own ComparableVersionTest cases, and random versions against the
/// `ComparableVersion` of the Maven installed on the machine.
@Suite struct MavenVersionTests {
    static func order(_ a: String, _ b: String) -> Int? {
        guard let x = MavenVersion(a), let y = MavenVersion(b) else { return nil }
        return MavenVersion.compare(x, y)
    }

    /// ComparableVersionTest's VERSIONS_QUALIFIER and VERSIONS_NUMBER: each sorts before all that follow it.
    @Test(arguments: [
        ["1-alpha2snapshot", "1-alpha2", "1-alpha-123", "1-beta-2", "1-beta123", "1-m2", "1-m11", "1-rc", "1-cr2", "1-rc123", "1-SNAPSHOT",
         "1", "1-sp", "1-sp2", "1-sp123", "1-abc", "1-def", "1-pom-1", "1-1-snapshot", "1-1", "1-2", "1-123"],
        ["2.0", "2.0.a", "2-1", "2.0.2", "2.0.123", "2.1.0", "2.1-a", "2.1b", "2.1-c", "2.1-1", "2.1.0.1", "2.2", "2.123", "11.a2", "11.a11",
         "11.b2", "11.b11", "11.m2", "11.m11", "11", "11.a", "11b", "11c", "11m"],
    ])
    func upstreamOrderings(_ versions: [String]) {
        for (index, low) in versions.enumerated() {
            for high in versions[(index + 1)...] {
                #expect(Self.order(low, high) == -1 && Self.order(high, low) == 1, "\(low) < \(high)")
            }
        }
    }

    @Test(arguments: [("1", "1.0.0"), ("1", "1-0"), ("1.0", "1.0-0"), ("1a", "1-a"), ("1a", "1.0.0-a"), ("1x", "1.0-x"), ("1ga", "1"),
                      ("1final", "1"), ("1cr", "1rc"), ("1a1", "1alpha1"), ("1m3", "1MILESTONE3"), ("1-release", "1"),
                      ("1.0-SNAPSHOT", "1-snapshot")])
    func upstreamEqualities(_ a: String, _ b: String) {
        #expect(Self.order(a, b) == 0, "\(a) == \(b)")
    }

    static let artifactJar = ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/share/maven/lib")) ?? [])
        .first { $0.hasPrefix("maven-artifact") && $0.hasSuffix(".jar") }

    @Test(.enabled(if: artifactJar != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/java"),
                   "Maven's maven-artifact jar or java is not installed"))
    func agreesWithTheInstalledMaven() throws {
        let jar = try #require(Self.artifactJar)
        var generator = SeededGenerator(seed: 20261128)
        let pieces = ["1", "2", "0", "10", "01", "00", "123456789012345678901", ".", ".", "-", "-", "alpha", "a", "b", "beta", "m", "rc", "cr",
                      "SNAPSHOT", "ga", "final", "Final", "release", "RELEASE", "sp", "jre", "foo", "x"]
        var versions: [String] = []
        for _ in 0..<600 {
            var version = String(Int.random(in: 0...3, using: &generator))
            for _ in 0..<Int.random(in: 0...6, using: &generator) { version += pieces.randomElement(using: &generator) ?? "" }
            versions.append(version)
        }
        // ComparableVersion's main compares each argument with the one before it: `   A < B`.
        let output = try ExternalTool.run(["java", "-cp", "/usr/share/maven/lib/" + jar, "org.apache.maven.artifact.versioning.ComparableVersion"]
                                          + versions).text
        let verdicts = output.split(separator: "\n").filter { $0.hasPrefix("   ") }.map { $0.split(separator: " ") }
        try #require(verdicts.count == versions.count - 1, "\(output.prefix(300))")
        var disagreements: [String] = []
        for (index, verdict) in verdicts.enumerated() {
            let (a, b) = (versions[index], versions[index + 1])
            let expected = ["<": -1, "==": 0, ">": 1][String(verdict[1])]
            if Self.order(a, b) != expected { disagreements.append("\(a) \(verdict[1]) \(b)") }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) of \(verdicts.count): \(disagreements.prefix(8))")
    }
}
