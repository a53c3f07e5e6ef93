@testable import Advisories
import Foundation
import ImageFixtures
import Testing

/// apk-tools' own `test/unit/version.data`: ordering assertions (`<`, `>`, `=`, the fuzzy `~`,
/// `<~`, `>~`, each optionally negated with `!`) and validity lines (`V`, `!V`).
@Suite struct ApkVersionTests {
    @Test(.enabled(if: Prerequisite.sharedCorpus, "../shared/corpus is absent"))
    func everyAssertionOfApkToolsVersionData() throws {
        let text = try String(contentsOf: versionCorpus.appendingPathComponent("apk-tools_version.data"), encoding: .utf8)
        var checked = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if words.isEmpty {
                if rawLine.hasPrefix("!") { #expect(ApkVersion("") == nil) }
                continue
            }
            checked += 1
            if words.count == 1 {
                let word = words[0]
                if word.hasPrefix("!") {
                    #expect(ApkVersion(String(word.dropFirst())) == nil, "\(word) must be invalid")
                } else {
                    #expect(ApkVersion(word) != nil, "\(word) must be valid")
                }
                continue
            }
            try #require(words.count == 3, "\(rawLine)")
            var op = words[1]
            let negated = op.hasPrefix("!")
            if negated { op.removeFirst() }
            let fuzzy = op.contains("~")
            let order = ApkVersion.compare(words[0], words[2], fuzzy: fuzzy)
            var holds: Bool
            switch op {
            case "<": holds = order < 0
            case ">": holds = order > 0
            case "=": holds = order == 0
            case "~": holds = order == 0
            case "<~": holds = order <= 0
            case ">~": holds = order >= 0
            default: holds = false
            }
            if negated { holds.toggle() }
            #expect(holds, "\(rawLine)")
        }
        #expect(checked > 700)
    }
}
