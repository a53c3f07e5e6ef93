import Audit
import Checks
import DockerfileSyntax

/// The stable JSON document (version 1).
public enum JSONReport {
    public static func render(_ report: AuditReport) -> String {
        var members: [(String, JSONValue)] = [
            ("version", .number(1)),
            ("tool", .object([("name", .string(ToolInfo.name)), ("version", .string(ToolInfo.version))])),
            ("findings", .array(report.findings.map(finding))),
        ]
        switch report.context {
        case .none: break
        case .single(let context): members.append(("context", ContextJSON.render(context)))
        case .perDockerfile(let contexts): members.append(("contexts", .array(contexts.map(ContextJSON.render))))
        }
        if let image = report.image { members.append(("image", ImageJSON.render(image))) }
        members += BaseImageJSON.members(report)
        return JSONValue.object(members).rendered()
    }

    static func finding(_ finding: Finding) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("rule", .string(finding.rule.id)),
            ("name", .string(finding.rule.name)),
            ("aliases", .array(finding.rule.aliases.map(JSONValue.string))),
            ("severity", .string(finding.severity.rawValue)),
            ("title", .string(finding.rule.title)),
            ("message", .string(finding.message)),
            ("file", .string(finding.file)),
        ]
        // Image findings that no Dockerfile line explains have no position.
        let position: (Int) -> JSONValue = { finding.hasSourceLine ? .number($0) : .null }
        members += [
            ("line", position(finding.range.start.line)),
            ("column", position(finding.range.start.column)),
            ("endLine", position(finding.range.end.line)),
            ("endColumn", position(finding.range.end.column)),
            ("fix", finding.fix.map(fix) ?? .null),
        ]
        if let path = finding.path { members.append(("path", .string(path))) }
        if let layer = finding.layer { members.append(("layer", .number(layer))) }
        return .object(members)
    }

    private static func fix(_ fix: Fix) -> JSONValue {
        .object([
            ("safety", .string(fix.safety.label)),
            ("description", .string(fix.description)),
            ("edits", .array(fix.edits.map { edit in
                .object([
                    ("line", .number(edit.range.start.line)),
                    ("column", .number(edit.range.start.column)),
                    ("endLine", .number(edit.range.end.line)),
                    ("endColumn", .number(edit.range.end.column)),
                    ("replacement", .string(edit.replacement)),
                ])
            })),
        ])
    }
}
