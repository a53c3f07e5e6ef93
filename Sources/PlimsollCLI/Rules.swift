import ArgumentParser
import Checks
import Reports

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule, or show one rule's documentation.",
        discussion: "ID may be a rule id, its name or an alias (as `plimsoll rules` lists them).")

    @Argument(help: "A rule to describe in full.")
    var id: String?

    @Option(name: .shortAndLong, help: "text, json or markdown (the README table).")
    var format: String = "text"

    func run() throws {
        var rules = RuleRegistry.all
        if let id {
            guard let rule = RuleRegistry.meta(named: id) else { throw UsageError(message: "unknown rule '\(id)' (see `plimsoll rules`)") }
            rules = [rule]
        }
        switch format.lowercased() {
        case "text":
            Output.standard(id == nil ? RuleDocumentation.table(rules) : RuleDocumentation.detail(rules[0]))
        case "markdown":
            Output.standard(id == nil ? RuleDocumentation.markdownTable(rules) : RuleDocumentation.markdownHelp(rules[0]))
        case "json":
            Output.standard(RuleCatalogJSON.render(rules))
        default:
            throw UsageError(message: "unknown format '\(format)' for rules (choose from text, json, markdown)")
        }
    }
}
