import Audit
import Checks
import DockerfileSyntax
import Foundation
import Testing

/// The audit pipeline driven as a server would drive it: no arguments, no terminal, no exit status.
@Suite struct PipelineTests {
    /// The repository's bundled example.
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/node-api").path

    @Test func aProjectAuditLintsEachDockerfileAndChecksItsContext() throws {
        let report = try ProjectAudit(settings: AuditSettings()).run(Self.example)
        #expect(report.files.map(\.path) == [Self.example + "/Dockerfile"])
        let rules = Set(report.findings.map(\.rule.id))
        #expect(rules.isSuperset(of: ["PD003", "PD002", "PC001", "PC003"]), "Dockerfile and context rules both ran: \(rules.sorted())")
        guard case .perDockerfile(let contexts) = report.context else { Issue.record("one context per Dockerfile"); return }
        #expect(contexts.count == 1 && contexts[0].dockerfilePath == Self.example + "/Dockerfile")
        #expect(report.image == nil && report.notes.isEmpty)
    }

    /// A wrong path in CI must fail rather than pass with nothing checked.
    @Test func aProjectWithoutDockerfilesIsAnError() throws {
        let directory = try Scratch()
        #expect(throws: AuditError.self) { try ProjectAudit(settings: AuditSettings()).run(directory.path) }
    }

    @Test func theProjectWalkSkipsDependencyAndBuildFoldersAsReadmeSays() throws {
        let directory = try Scratch()
        for folder in DockerfileFinder.skippedFolders + [".build-release", "app"] {
            try FileManager.default.createDirectory(atPath: directory.path + "/" + folder, withIntermediateDirectories: true)
            try "FROM scratch\n".write(toFile: directory.path + "/" + folder + "/Dockerfile", atomically: true, encoding: .utf8)
        }
        #expect(try DockerfileFinder.find(in: directory.path) == [directory.path + "/app/Dockerfile"])
        let readme = try String(contentsOfFile: Self.example + "/../../README.md", encoding: .utf8)
            .split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        #expect(readme.contains("skipping \(DockerfileFinder.skippedFoldersText) folders"))
    }

    @Test func aMissingProjectIsAnAuditError() {
        #expect(throws: AuditError.self) { try ProjectAudit(settings: AuditSettings()).run("/nonexistent/project") }
    }

    @Test func fixesArePreviewedWithoutWritingAndWrittenWhenAsked() throws {
        let directory = try Scratch()
        let path = directory.path + "/Dockerfile"
        let original = "FROM debian:12\nRUN apt-get install curl\n"
        try original.write(toFile: path, atomically: true, encoding: .utf8)
        let audit = LintAudit(settings: AuditSettings())
        let preview = try audit.run([SourceFile.dockerfile(path)], fixing: .preview(includesUnsafe: false))
        #expect(preview.fixes.count == 1 && preview.report.files.isEmpty)
        let fixed = String(decoding: preview.fixes[0].after, as: UTF8.self)
        #expect(fixed.contains("apt-get install -y") && fixed != original)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == original, "a preview changes nothing")
        let written = try audit.run([SourceFile.dockerfile(path)], fixing: .write(includesUnsafe: false))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == fixed)
        #expect(!written.report.findings.contains { $0.rule.id == "PD013" }, "the report is of the fixed file")
        let again = try audit.run([SourceFile.dockerfile(path)], fixing: .preview(includesUnsafe: false))
        #expect(again.fixes[0].after == again.fixes[0].before, "fixes are idempotent")
    }

    @Test func oversizedInputsAreRefusedForWhatTheyWereMeantToBe() throws {
        let directory = try Scratch()
        let path = directory.path + "/big.yaml"
        try Data(count: InputKind.configuration.sizeLimit + 1).write(to: URL(fileURLWithPath: path))
        #expect(throws: AuditError("\(path) is larger than 1 MiB; that is too large for a plimsoll configuration")) {
            try ConfigurationFile.load(path, searchingFrom: directory.path)
        }
        #expect(throws: AuditError("\(path) is larger than 1 MiB; that is too large for a plimsoll configuration")) {
            try InputFiles.read(path, as: .configuration)
        }
        // Each kind names itself; none is called a Dockerfile.
        #expect(InputKind.sbom.sizeLimit == 512 << 20 && InputKind.advisoryRecord.sizeLimit == 128 << 20)
        let record = directory.path + "/record.json"
        try Data(count: InputKind.advisoryRecord.sizeLimit + 1).write(to: URL(fileURLWithPath: record))
        #expect(throws: AuditError("\(record) is larger than 128 MiB; that is too large for an OSV record")) {
            try OSVSources.read(record)
        }
        let dockerfile = directory.path + "/Dockerfile"
        try Data(count: InputKind.dockerfile.sizeLimit + 1).write(to: URL(fileURLWithPath: dockerfile))
        #expect(throws: AuditError("\(dockerfile) is larger than 128 MiB; that is too large for a Dockerfile")) {
            try SourceFile.dockerfile(dockerfile)
        }
    }

    @Test func imageLimitsOutsideTheirRangeAreRefused() {
        #expect(throws: ImageLimits.OutOfRange.self) { try ImageLimits(minEfficiencyPercent: 101).applied(to: Configuration()) }
        let applied = try? ImageLimits(maxSizeMiB: 50).applied(to: Configuration())
        #expect(applied?.ruleOptions["PI007"]?["max-size-mb"] == 50)
    }
}

/// A temporary directory, removed when the test ends.
final class Scratch {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("plimsoll-audit-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
