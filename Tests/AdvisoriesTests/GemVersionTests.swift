@testable import Advisories
import Foundation
import ImageFixtures
import Testing

/// RubyGems ordering: `Gem::Version` cases from RubyGems' own tests, and random versions against the
/// `ruby` on the machine.
@Suite struct GemVersionTests {
    static func order(_ a: String, _ b: String) -> Int? {
        guard let x = GemVersion(a), let y = GemVersion(b) else { return nil }
        return GemVersion.compare(x, y)
    }

    @Test(arguments: [("1.0", "1.0.0", 0), ("1.0.a", "1.0", -1), ("1.8.2.a10", "1.8.2.a9", 1), ("1.0.b1", "1.0.a.2", 1), ("0.beta.1", "0.0.beta.1", 0),
                      ("1-1", "1.pre.1", 0), ("5.x", "5.0.0.rc2", 1), ("1.0.0-rc1", "1.0.0", -1), ("", "0", 0), ("1.2.3", "1.2.10", -1),
                      ("2.0.0.rc1", "2.0.0.RC1", 1), ("1.9.3", "1.9.3.0", 0)])
    func rubyGemsOrderings(_ a: String, _ b: String, _ expected: Int) {
        #expect(Self.order(a, b) == expected, "\(a) vs \(b)")
    }

    @Test func malformedVersionsAreRefused() {
        for text in ["junk", "1.0\n2.0", "1..2", "1.2 3.4", ".1", "1.0-", "-1", "1.0.0-rc1.", "1_0"] {
            #expect(GemVersion(text) == nil, "\(text.debugDescription)")
        }
    }

    @Test(.enabled(if: Prerequisite.runs(["ruby", "-e", "exit 0"]), "ruby is not installed (apt-get install ruby)"))
    func agreesWithRuby() throws {
        var generator = SeededGenerator(seed: 20261128)
        let parts = ["0", "1", "2", "10", "01", "00", "a", "b", "pre", "rc", "RC", "beta", "alpha", "x1", "2a", "Z"]
        let prereleases = ["1", "rc1", "beta", "pre", "a-b", "0"]
        var pairs: [(String, String)] = []
        // Mostly well-formed versions (a release, `.`-separated parts, sometimes a `-` part), a few malformed ones.
        func random() -> String {
            var version = String(Int.random(in: 0...3, using: &generator))
            for _ in 0..<Int.random(in: 0...4, using: &generator) { version += "." + (parts.randomElement(using: &generator) ?? "") }
            if Int.random(in: 0..<10, using: &generator) < 3 { version += "-" + (prereleases.randomElement(using: &generator) ?? "") }
            if Int.random(in: 0..<20, using: &generator) == 0 { version += ["..", "-", " x", "_"].randomElement(using: &generator) ?? "" }
            return version
        }
        for _ in 0..<800 { pairs.append((random(), random())) }
        let script = """
            STDIN.each_line do |line|
              a, b = line.split(" ", 2).map(&:strip)
              if Gem::Version.correct?(a) && Gem::Version.correct?(b)
                puts(Gem::Version.new(a) <=> Gem::Version.new(b))
              else
                puts "invalid"
              end
            end
            """
        let answers = try ExternalTool.run(["ruby", "-e", script], input: Array(pairs.map { "\($0.0) \($0.1)\n" }.joined().utf8)).text
            .split(separator: "\n")
        try #require(answers.count == pairs.count)
        var disagreements: [String] = []
        var compared = 0
        for ((a, b), answer) in zip(pairs, answers) {
            let ours = Self.order(a, b)
            if answer == "invalid" {
                if ours != nil { disagreements.append("\(a) vs \(b): ruby refuses one, we compare") }
                continue
            }
            compared += 1
            if ours != Int(answer) { disagreements.append("\(a) vs \(b): ruby \(answer), ours \(ours.map(String.init) ?? "invalid")") }
        }
        #expect(compared > 600 && disagreements.isEmpty, "\(compared) compared; \(disagreements.prefix(8))")
    }
}
