import HostSystem
import Checks
import DockerfileSyntax
import Testing

/// Tests run on one fixed day, so date-dependent rules (end of life) cannot change their outcome.
let testDay = CivilDate.days("2026-11-28") ?? 0

@Suite struct SuppressionTests {
    func ids(_ text: String, _ configuration: Configuration = Configuration()) -> [String] {
        Linter(configuration: configuration, today: testDay).lint(SourceFile(path: "Dockerfile", text: text)).map(\.rule.id)
    }

    let aptFile = "FROM debian:13-slim\nUSER app\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n"

    @Test func pragmaOnThePreviousLinesByIdNameOrHadolintAlias() {
        #expect(ids(aptFile) == ["PD002"])
        for pragma in ["# plimsoll ignore=PD002", "# plimsoll ignore=apt-lists-not-removed", "# hadolint ignore=DL3009",
                       "# plimsoll ignore=PD001, PD002", "# hadolint ignore=DL3009\n# some other note"] {
            #expect(ids("FROM debian:13-slim\nUSER app\n\(pragma)\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n").isEmpty, "\(pragma)")
        }
    }

    @Test func pragmaDoesNotReachPastABlankLineOrAnotherInstruction() {
        #expect(ids("FROM debian:13-slim\nUSER app\n# plimsoll ignore=PD002\n\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n") == ["PD002"])
        #expect(ids("FROM debian:13-slim\n# plimsoll ignore=PD002\nUSER app\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n") == ["PD002"])
    }

    @Test func globalPragmaAnywhere() {
        #expect(ids("FROM debian:13-slim\nUSER app\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n# hadolint global ignore=DL3009\n").isEmpty)
        #expect(ids("FROM debian:13-slim\nUSER app\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n# plimsoll global ignore=PD002,PD003\n").isEmpty)
    }

    @Test func configurationIgnoresAndOverrides() throws {
        let configuration = try ConfigurationLoader.load(yaml: """
            ignore: [DL3009]
            override:
              error: [user-missing]
            """, path: ".plimsoll.yaml")
        let findings = Linter(configuration: configuration, today: testDay).lint(SourceFile(path: "Dockerfile", text: "FROM debian:13-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n"))
        #expect(findings.map(\.rule.id) == ["PD003"])
        #expect(findings.first?.severity == .error)
    }

    @Test func ruleOptionChangesTheMinimum() throws {
        let text = "FROM alpine:3.24\nUSER app\nRUN a\nRUN b\n"
        #expect(ids(text) == ["PD001"])
        let configuration = try ConfigurationLoader.load(yaml: "rules:\n  consecutive-run:\n    min-consecutive: 3\n", path: "c")
        #expect(ids(text, configuration).isEmpty)
    }
}

@Suite struct ConfigurationLoaderTests {
    @Test func readsEveryKeyIncludingHadolintSpellings() throws {
        let configuration = try ConfigurationLoader.load(yaml: """
            ignored: [DL3006]
            trustedRegistries: [docker.io]
            failure-threshold: error
            override:
              info: [PD002]
            rules:
              PD001: {min-consecutive: 4}
            """, path: "c")
        #expect(configuration.ignored == ["DL3006"])
        #expect(configuration.trustedRegistries == ["docker.io"])
        #expect(configuration.failOn == .level(.error))
        #expect(configuration.severityOverrides == ["PD002": .info])
        #expect(configuration.ruleOptions == ["PD001": ["min-consecutive": 4]])
    }

    @Test(arguments: [
        ("colour: red", "unknown key 'colour'"),
        ("ignore: 3", "'ignore' must be a list of strings"),
        ("fail-on: sometimes", "'fail-on' must be one of"),
        ("override:\n  fatal: [PD001]", "'override.fatal' is not a severity"),
        ("override:\n  error: [XX999]", "unknown rule 'XX999'"),
        ("rules:\n  PD999: {}", "'rules.PD999' is not a known rule"),
        ("rules:\n  PD001: {speed: 1}", "'rules.PD001.speed' is not an option"),
        ("rules:\n  PD001: {min-consecutive: many}", "must be a non-negative integer"),
        ("- a list", "expected a mapping"),
        ("key: [unclosed", "not valid YAML"),
    ])
    func malformedConfigurationNamesTheKey(_ yaml: String, _ expected: String) {
        do {
            _ = try ConfigurationLoader.load(yaml: yaml, path: ".plimsoll.yaml")
            Issue.record("accepted \(yaml)")
        } catch {
            #expect(error.description.contains(expected), "\(error.description)")
            #expect(error.description.hasPrefix(".plimsoll.yaml: "))
        }
    }

    @Test func emptyFileIsTheDefault() throws {
        #expect(try ConfigurationLoader.load(yaml: "", path: "c") == Configuration())
    }
}

@Suite struct LinterTests {
    @Test func syntaxErrorIsPD000AtTheLine() {
        let findings = Linter(today: testDay).lint(SourceFile(path: "Dockerfile", text: "FROM a:1\nUSER x\nENV ONLYKEY\n"))
        #expect(findings.map(\.rule.id) == ["PD000"])
        #expect(findings.first?.range.start.line == 3)
        #expect(findings.first?.severity == .error)
    }

    @Test func buildProblemsArePD008AndRulesStillRun() {
        let findings = Linter(today: testDay).lint(SourceFile(path: "Dockerfile", text: "FROM a\nFOO bar\n"))
        #expect(findings.map(\.rule.id) == ["PD003", "PD006", "PD008"])
    }

    @Test func buildArgumentsAndTargetChangeTheResult() {
        let text = "ARG TAG=latest\nFROM node:$TAG AS app\nUSER node\nFROM app AS debug\nUSER root\n"
        #expect(Linter(today: testDay).lint(SourceFile(path: "D", text: text)).map(\.rule.id) == ["PD006", "PD051", "PD004"])
        let options = BuildOptions(buildArguments: ["TAG": "22-slim"], target: "app")
        #expect(Linter(options: options, today: testDay).lint(SourceFile(path: "D", text: text)).isEmpty)
    }
}

/// Every rule runs on hostile shapes without crashing or slowing down quadratically.
@Suite struct RuleRobustnessTests {
    @Test func hugeRunBodiesAndExoticShells() {
        let packages = (0..<300_000).map { "p\($0)" }.joined(separator: " ")
        let text = """
            FROM debian:12-slim
            RUN apt-get update && apt-get install -y \(packages) | tee log
            SHELL ["pwsh", "-c"]
            RUN Get-ChildItem | Select-Object Name
            SHELL ["/bin/fish", "-c"]
            RUN for x in a b; echo $x; end
            """
        let findings = Linter(today: testDay).lint(SourceFile(path: "Dockerfile", text: text))
        #expect(findings.contains { $0.rule.id == "PD002" })
        #expect(findings.contains { $0.rule.id == "PD025" && $0.range.start.line == 2 })
        #expect(!findings.contains { $0.rule.id == "PD025" && $0.range.start.line == 4 })
    }

    /// Broken files still get every rule that can run, and each broken line its own finding.
    @Test func rulesRunOnEveryCorpusShapeOfBrokenFile() {
        let cases: [(String, [String])] = [
            ("FROM\n", ["PD003 1", "PD008 1"]),
            ("RUN x\n", ["PD008 1"]),
            ("FROM a AS\nCOPY\nUSER\nEXPOSE\nWORKDIR\nONBUILD\n", ["PD003 1", "PD006 1", "PD008 1", "PD008 2", "PD008 3", "PD008 4", "PD008 5", "PD008 6"]),
            ("FROM a\nCOPY --from= . .\nADD\nHEALTHCHECK CMD\n", ["PD003 1", "PD006 1", "PD039 2", "PD008 3", "PD008 4"]),
        ]
        for (text, expected) in cases {
            let findings = Linter(today: testDay).lint(SourceFile(path: "Dockerfile", text: text))
            #expect(findings.map { "\($0.rule.id) \($0.range.start.line)" }.sorted() == expected.sorted(), "\(text.debugDescription)")
        }
    }
}

@Suite struct PartialTreeTests {
    @Test func syntaxErrorStillLintsWhatCameBefore() {
        let findings = Linter(today: testDay).lint(SourceFile(path: "Dockerfile", text: "FROM node\nUSER node\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nENV ONLYKEY\nRUN never linted\n"))
        #expect(findings.map(\.rule.id) == ["PD006", "PD002", "PD000"])
        #expect(findings.last?.range.start.line == 4)
    }

    @Test func unterminatedHeredocKeepsEarlierFindings() {
        let findings = Linter(today: testDay).lint(SourceFile(path: "Dockerfile", text: "FROM ubuntu\nUSER app\nRUN <<EOF\napt-get update\n"))
        #expect(findings.map(\.rule.id) == ["PD006", "PD000"])
    }
}

@Suite struct OptInRuleTests {
    @Test func optInRulesRunOnlyWhenEnabled() throws {
        let text = "FROM node:22.11-slim\nUSER node\n"
        #expect(Linter(today: testDay).lint(SourceFile(path: "D", text: text)).isEmpty)
        let configuration = try ConfigurationLoader.load(yaml: "enable: [PD048]\n", path: "c")
        #expect(Linter(configuration: configuration, today: testDay).lint(SourceFile(path: "D", text: text)).map(\.rule.id) == ["PD048"])
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader.load(yaml: "enable: [PD999]\n", path: "c") }
    }
}

@Suite struct LabelSchemaTests {
    @Test(arguments: [
        (LabelType.url, "https://github.com/x/y", true), (.url, "github.com/x", false),
        (.semver, "1.2.3-rc.1+build.5", true), (.semver, "1.02.3", false), (.semver, "1.2", false),
        (.hash, "0123456789abcdef0123456789abcdef01234567", true), (.hash, "xyz", false),
        (.rfc3339, "2026-11-28T12:00:00Z", true), (.rfc3339, "2026-11-28T12:00:00.5+01:00", true), (.rfc3339, "2026-11-28", false),
        (.spdx, "(MIT OR Apache-2.0) AND BSD-3-Clause", true), (.spdx, "MIT OR", false),
        (.email, "ops@example.com", true), (.email, "ops@localhost", false), (.text, "", false),
    ])
    func valueTypes(_ type: LabelType, _ value: String, _ valid: Bool) {
        #expect((type.problem(with: value) == nil) == valid)
    }

    @Test func strictLabelsAndMissingLabels() throws {
        let configuration = try ConfigurationLoader.load(yaml: "label-schema:\n  owner: email\nstrict-labels: true\n", path: "c")
        let findings = Linter(configuration: configuration, today: testDay)
            .lint(SourceFile(path: "D", text: "FROM alpine:3.24\nUSER app\nLABEL team=core\n"))
            .filter { $0.rule.id == "PD057" }.map(\.message)
        #expect(findings == ["label `owner` required by label-schema is missing", "label `team` is not in label-schema (strict-labels)"])
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader.load(yaml: "label-schema:\n  owner: phone\n", path: "c") }
    }
}
