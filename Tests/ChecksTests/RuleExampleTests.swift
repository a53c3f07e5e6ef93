import HostSystem
import Checks
import Reports
import DockerfileSyntax
import Testing

/// Every rule's documented examples are executed: triggering ones must fire it, passing ones must not.
@Suite struct RuleExampleTests {
    struct Example: Sendable, CustomTestStringConvertible {
        var rule: RuleMeta
        var text: String
        var triggers: Bool
        var testDescription: String { "\(rule.id) \(triggers ? "fires on" : "passes") \(text.debugDescription)" }
    }

    /// Examples are checked as of one fixed day, so date-dependent rules (end of life) stay stable.
    static let exampleDay = CivilDate.days("2026-11-28") ?? 0

    static let examples: [Example] = RuleRegistry.all.flatMap { rule in
        rule.triggering.map { Example(rule: rule, text: $0, triggers: true) }
            + rule.passing.map { Example(rule: rule, text: $0, triggers: false) }
    }

    @Test func everyUnsafeFixSaysWhatItCanChange() {
        for rule in RuleRegistry.all {
            guard let reason = rule.fix?.reason else { continue }
            #expect(reason.count > 30 && !reason.hasSuffix("."), "\(rule.id): the reason reads as a clause after 'unsafe, because'")
        }
        let shown = RuleDocumentation.detail(RuleRegistry.meta(named: "PD001")!)
        #expect(shown.contains("Fix: unsafe (applied only with `--unsafe-fixes`): the joined RUNs share one layer"))
        #expect(RuleDocumentation.detail(RuleRegistry.meta(named: "PD002")!).contains("Fix: safe (`--fix` applies it"))
    }

    @Test func everyRuleHasExamplesAndDocumentation() {
        for rule in RuleRegistry.all {
            #expect(!rule.triggering.isEmpty && !rule.passing.isEmpty, "\(rule.id) needs both kinds of example")
            if rule.id.hasPrefix("PD") {
                #expect(rule.triggering.count >= 2 && rule.passing.count >= 2, "\(rule.id): a Dockerfile rule shows at least two examples of each kind")
            }
            #expect(rule.why.count > 80, "\(rule.id) must explain why (\(rule.why.count) characters)")
            #expect(rule.id.count == 5 && ["PD", "PC", "PI", "PV"].contains(String(rule.id.prefix(2))), "\(rule.id) is not a PD###/PC###/PI###/PV### id")
            #expect(rule.name == rule.name.lowercased() && !rule.name.contains(" "), "\(rule.id) name must be kebab-case")
            for difference in rule.differences {
                #expect(!difference.aliases.isEmpty && difference.aliases.allSatisfy(rule.aliases.contains),
                        "\(rule.id): a declared difference must name aliases of the rule, not \(difference.aliases)")
            }
        }
        #expect(Set(RuleRegistry.all.map(\.id)).count == RuleRegistry.all.count, "rule ids must be unique")
        #expect(Set(RuleRegistry.all.map(\.name)).count == RuleRegistry.all.count, "rule names must be unique")
    }

    /// The configuration a rule's examples assume (`exampleConfiguration`), else the defaults.
    static func configuration(for rule: RuleMeta) throws -> Configuration {
        try rule.exampleConfiguration.map { try ConfigurationLoader.load(yaml: $0, path: "example") } ?? Configuration()
    }

    /// A linter as of the example day, with what the rule's examples take registries to answer.
    static func linter(for rule: RuleMeta, configuration: Configuration) -> Linter {
        var linter = Linter(configuration: configuration, today: exampleDay)
        linter.baseImages = rule.exampleBaseImages
        return linter
    }

    @Test(arguments: examples)
    func example(_ example: Example) throws {
        let configuration = try Self.configuration(for: example.rule)
        let findings: [Finding]
        if example.rule.id.hasPrefix("PV") {
            findings = try VulnerabilityExampleRun(example.text, configuration: configuration).findings
        } else if example.rule.id.hasPrefix("PI") {
            findings = try ImageExampleRun(example.text, configuration: configuration).report.findings
        } else if example.rule.id.hasPrefix("PC") {
            let context = try ExampleContext(example.text)
            findings = try ContextLinter(configuration: configuration)
                .check(context: context.root.path, dockerfile: context.dockerfile).findings
        } else {
            findings = Self.linter(for: example.rule, configuration: configuration).lint(SourceFile(path: "Dockerfile", text: example.text))
        }
        let fired = findings.filter { $0.rule.id == example.rule.id }
        if example.triggers {
            #expect(!fired.isEmpty, "expected \(example.rule.id); got \(findings.map(\.rule.id))")
        } else {
            #expect(fired.isEmpty, "unexpected: \(fired.map(\.message))")
        }
    }

    /// The fixes a triggering example offers (a rule may decline where no fix would be right).
    static func fixes(_ example: Example) throws -> [Fix] {
        let linter = linter(for: example.rule, configuration: try configuration(for: example.rule))
        return linter.lint(SourceFile(path: "Dockerfile", text: example.text)).filter { $0.rule.id == example.rule.id }.compactMap(\.fix)
    }

    /// A rule that declares a fix offers it on at least one of its triggering examples.
    @Test func everyRuleWithAFixShowsIt() throws {
        for rule in RuleRegistry.all where rule.fix != nil && rule.id.hasPrefix("PD") {
            let offered = try rule.triggering.contains { text in !(try Self.fixes(Example(rule: rule, text: text, triggers: true))).isEmpty }
            #expect(offered, "\(rule.id) declares a fix but none of its triggering examples gets one")
        }
    }

    /// Applying all of a rule's fixes together (as `--fix` would) must leave a Dockerfile on which
    /// the rule no longer fires and that still parses.
    @Test(arguments: examples.filter { $0.triggers && $0.rule.fix != nil })
    func fixResolvesTheFinding(_ example: Example) throws {
        let source = SourceFile(path: "Dockerfile", text: example.text)
        let linter = Self.linter(for: example.rule, configuration: try Self.configuration(for: example.rule))
        let fixes = try Self.fixes(example)
        guard !fixes.isEmpty else { return }
        #expect(fixes.allSatisfy { $0.safety == example.rule.fix })
        let fixed = FixApplier.apply(fixes.flatMap(\.edits), to: source)
        let again = linter.lint(SourceFile(path: "Dockerfile", bytes: fixed))
        #expect(!again.contains { $0.rule.id == example.rule.id }, "still fires after fix:\n\(String(decoding: fixed, as: UTF8.self))")
        #expect(!again.contains { $0.rule.id == "PD000" })
    }
}

@Suite struct RunTextEditTests {
    @Test func fixesLandOnTheRightPhysicalLine() {
        let text = """
            FROM debian:13-slim
            RUN apt-get update \\
                # a comment BuildKit drops inside the continuation

                && apt-get install --no-install-recommends curl \\
                && python3 -m pip install flask \\
                && rm -rf /var/lib/apt/lists/*
            """
        let source = SourceFile(path: "Dockerfile", text: text)
        let fixes = Linter(today: RuleExampleTests.exampleDay).lint(source).filter { ["PD013", "PD029"].contains($0.rule.id) }.compactMap(\.fix)
        #expect(fixes.count == 2)
        let fixed = String(decoding: FixApplier.apply(fixes.flatMap(\.edits), to: source), as: UTF8.self)
        #expect(fixed.contains("    && apt-get install -y --no-install-recommends curl \\\n"))
        #expect(fixed.contains("    && python3 -m pip install --no-cache-dir flask \\\n"))
        #expect(fixed.contains("    # a comment BuildKit drops inside the continuation\n"))
    }

    @Test func programFixesTouchOnlyCommandsNotPackageNamesOrURLs() {
        let source = SourceFile(path: "Dockerfile", text: """
            FROM opensuse/leap:15.6
            RUN zypper install wget zypper-docs && wget https://ftp.gnu.org/gnu/wget/wget-1.21.tar.gz | (wget -O- https://x)
            """)
        let fixes = Linter(today: RuleExampleTests.exampleDay).lint(source).filter { ["PD031", "PD036"].contains($0.rule.id) }.compactMap(\.fix)
        let fixed = String(decoding: FixApplier.apply(fixes.flatMap(\.edits), to: source), as: UTF8.self)
        #expect(fixed.hasSuffix("RUN zypper -n install wget zypper-docs && wget --progress=dot:giga https://ftp.gnu.org/gnu/wget/wget-1.21.tar.gz"
                                + " | (wget --progress=dot:giga -O- https://x)"), "\(fixed)")
    }
}

@Suite struct FixApplierTests {
    let source = SourceFile(path: "D", text: "abcdef")
    func edit(_ start: Int, _ end: Int, _ text: String) -> TextEdit {
        TextEdit(range: .line(1), span: SourceSpan(start: start, end: end), replacement: text)
    }

    @Test func shellFormIsRewrittenOnlyWhenNoShellFeatureIsLost() {
        for (command, fixed) in [("CMD node server.js", #"CMD ["node", "server.js"]"#),
                                 ("CMD\tnode  \\\n  server.js", #"CMD\#t["node", "server.js"]"#),
                                 ("CMD node server.js --port $PORT", nil), ("CMD nginx -g 'daemon off;'", nil),
                                 ("CMD run.sh > /dev/null", nil), ("CMD app *.conf", nil)] {
            let source = SourceFile(path: "D", text: "FROM node:22-slim\n\(command)\n")
            let finding = Linter().lint(source).first { $0.rule.id == "PD028" }
            #expect(finding != nil, "\(command)")
            let result = finding?.fix.map { String(decoding: FixApplier.apply($0.edits, to: source), as: UTF8.self) }
            #expect(result == fixed.map { "FROM node:22-slim\n\($0)\n" }, "\(command)")
        }
    }

    @Test func overlappingEditsAreLeftForTheNextPass() {
        let applied = FixApplier.apply([edit(1, 3, "X"), edit(2, 4, "Y"), edit(5, 5, "!")], to: source)
        #expect(String(decoding: applied, as: UTF8.self) == "aXde!f")
    }

    @Test func insertionsAtOnePointKeepTheirOrderAndFollowAReplacement() {
        let applied = FixApplier.apply([edit(3, 3, "1"), edit(3, 3, "2"), edit(3, 5, "R")], to: source)
        #expect(String(decoding: applied, as: UTF8.self) == "abcRf")
        let inserted = FixApplier.apply([edit(3, 3, "1"), edit(3, 3, "2")], to: source)
        #expect(String(decoding: inserted, as: UTF8.self) == "abc12def")
    }
}
