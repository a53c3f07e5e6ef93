import Audit
import Checks
import DockerfileSyntax
import Foundation
import Reports
import Testing

@Suite struct ReportFormatTests {
    @Test func everyFormatIsFoundByItsName() {
        for format in ReportFormat.allCases { #expect(ReportFormat(name: format.rawValue) == format) }
        #expect(ReportFormat(name: "yaml") == nil)
    }

    static let dockerfile = """
        FROM node
        RUN apt-get update && apt-get install -y curl
        RUN echo "<tag> & 'quote' 100%, done: yes"
        COPY . .
        """
    static let report = AuditReport(files: [
        .init(path: "app dir/Dockerfile", findings: Linter().lint(SourceFile(path: "app dir/Dockerfile", text: dockerfile))),
        .init(path: "clean/Dockerfile", findings: []),
        .init(path: "bad/Dockerfile", findings: Linter().lint(SourceFile(path: "bad/Dockerfile", text: "FROM a:1\nENV X\n"))),
        .init(path: "image.tar", findings: [Finding(rule: KnownVulnerability.meta, severity: .warning, message: "openssl 3.0.1-1: DSA-1-1",
                                                    file: "image.tar", range: .noLine, path: "/var/lib/dpkg/status", layer: 0,
                                                    fingerprint: "DSA-1-1 pkg:deb/debian/openssl@3.0.1-1")]),
    ])

    @Test func jsonDocumentHasTheStableShape() throws {
        let text = ReportFormat.json.render(Self.report)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(document["version"] as? Int == 1)
        #expect((document["tool"] as? [String: Any])?["name"] as? String == "plimsoll")
        let findings = try #require(document["findings"] as? [[String: Any]])
        #expect(findings.count == Self.report.findings.count)
        let apt = try #require(findings.first { $0["rule"] as? String == "PD002" })
        #expect(Set(apt.keys) == ["rule", "name", "aliases", "severity", "title", "message", "file", "line", "column", "endLine", "endColumn", "fix"])
        #expect(apt["aliases"] as? [String] == ["DL3009", "DKL-DI-0005"])
        #expect(apt["file"] as? String == "app dir/Dockerfile")
        #expect(apt["line"] as? Int == 2 && apt["column"] as? Int == 1)
        let fix = try #require(apt["fix"] as? [String: Any])
        #expect(fix["safety"] as? String == "safe")
        #expect((fix["edits"] as? [[String: Any]])?.first?["replacement"] as? String == " \\\n    && rm -rf /var/lib/apt/lists/*")
        #expect(findings.contains { $0["rule"] as? String == "PD000" && $0["fix"] is NSNull })
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: ExternalCheck.schemas.path), "../shared/schemas is absent"))
    func sarifValidatesAgainstTheOfficialSchema() throws {
        let schema = ExternalCheck.schemas.appendingPathComponent("sarif/sarif-schema-2.1.0.json")
        let sarif = ReportFormat.sarif.render(Self.report)
        let outcome = try ExternalCheck.python("""
            import json, sys, jsonschema
            schema = json.load(open('\(schema.path)'))
            document = json.load(open(sys.argv[1]))
            jsonschema.Draft4Validator(schema).validate(document)
            results = document['runs'][0]['results']
            assert any('fixes' in r for r in results), 'no fixes'
            assert any(r.get('partialFingerprints', {}).get('plimsoll/v1') for r in results), 'no fingerprints'
            print(len(results))
            """, input: sarif)
        #expect(outcome.status == 0, "\(outcome.output)")
        #expect(outcome.output.trimmingCharacters(in: .whitespacesAndNewlines) == String(Self.report.findings.count))
        #expect(sarif.contains("\"uri\": \"app%20dir/Dockerfile\""))
    }

    @Test(arguments: [ReportFormat.checkstyle, .junit])
    func xmlIsWellFormed(_ format: ReportFormat) throws {
        let xml = format.render(Self.report)
        let outcome = try ExternalCheck.python("""
            import sys, xml.etree.ElementTree as E
            root = E.parse(sys.argv[1]).getroot()
            print(root.tag, len(list(root.iter('error'))) + len(list(root.iter('failure'))))
            """, input: xml)
        #expect(outcome.status == 0, "\(outcome.output)")
        let expectedRoot = format == .checkstyle ? "checkstyle" : "testsuites"
        #expect(outcome.output.trimmingCharacters(in: .whitespacesAndNewlines) == "\(expectedRoot) \(Self.report.findings.count)")
    }

    @Test func githubAnnotationsEscapeData() {
        let finding = Finding(rule: BuiltinFindings.syntaxError, message: "50% done\nnext: line", file: "a,b:c",
                              range: SourceRange(start: .init(line: 3, column: 1), end: .init(line: 3, column: 5)))
        let text = GitHubReport.render(AuditReport(files: [.init(path: "a,b:c", findings: [finding])]))
        #expect(text == "::error file=a%2Cb%3Ac,line=3,col=1,endLine=3,endColumn=5,title=PD000 syntax-error::50%25 done%0Anext: line\n")
    }

    @Test func textIsColouredOnlyWhenAsked() {
        let plain = ReportFormat.text.render(Self.report, color: false)
        #expect(!plain.contains("\u{1B}["))
        #expect(plain.contains("app dir/Dockerfile:2:1: warning[PD002] "))
        #expect(plain.hasSuffix("in 4 files.\n"))
        #expect(ReportFormat.text.render(Self.report, color: true).contains("\u{1B}[1;33mwarning[PD002]"))
        #expect(ReportFormat.text.render(AuditReport(files: [.init(path: "D", findings: [])])) == "No problems found in 1 file.\n")
    }
}
