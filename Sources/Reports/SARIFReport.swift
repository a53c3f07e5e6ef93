import Audit
import Checks
import DockerfileSyntax

/// SARIF 2.1.0, with every rule's metadata so code-scanning UIs can show the help text.
public enum SARIFReport {
    static let schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    public static func render(_ report: AuditReport) -> String {
        let rules = RuleRegistry.all
        let indexByID = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let driver: JSONValue = .object([
            ("name", .string(ToolInfo.name)),
            ("version", .string(ToolInfo.version)),
            ("semanticVersion", .string(ToolInfo.version)),
            ("informationUri", .string(ToolInfo.informationURI)),
            ("rules", .array(rules.map(rule))),
        ])
        var run: [(String, JSONValue)] = [
            ("tool", .object([("driver", driver)])),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(report.findings.map { result($0, index: indexByID[$0.rule.id]) })),
        ]
        let freshness = BaseImageJSON.members(report)
        if !freshness.isEmpty { run.append(("properties", .object(freshness))) }
        return JSONValue.object([
            ("$schema", .string(schema)),
            ("version", .string("2.1.0")),
            ("runs", .array([.object(run)])),
        ]).rendered()
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info, .style: return "note"
        }
    }

    private static func rule(_ meta: RuleMeta) -> JSONValue {
        .object([
            ("id", .string(meta.id)),
            ("name", .string(meta.name)),
            ("shortDescription", .object([("text", .string(meta.title))])),
            ("fullDescription", .object([("text", .string(meta.why))])),
            ("help", .object([
                ("text", .string(RuleDocumentation.detail(meta))),
                ("markdown", .string(RuleDocumentation.markdownHelp(meta))),
            ])),
            ("defaultConfiguration", .object([("enabled", .bool(!meta.isOptIn)), ("level", .string(level(meta.severity)))])),
            ("properties", .object([
                ("aliases", .array(meta.aliases.map(JSONValue.string))),
                ("fix", .string(meta.fix?.label ?? "none")),
            ])),
        ])
    }

    private static func region(_ range: SourceRange) -> JSONValue {
        .object([
            ("startLine", .number(range.start.line)),
            ("startColumn", .number(range.start.column)),
            ("endLine", .number(range.end.line)),
            ("endColumn", .number(range.end.column)),
        ])
    }

    private static func artifact(_ path: String) -> JSONValue {
        .object([("uri", .string(URIPath.encode(path)))])
    }

    private static func result(_ finding: Finding, index: Int?) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("ruleId", .string(finding.rule.id)),
        ]
        if let index { members.append(("ruleIndex", .number(index))) }
        members += [
            ("level", .string(level(finding.severity))),
            ("message", .object([("text", .string(finding.message))])),
            ("locations", .array([.object([
                ("physicalLocation", .object(
                    [("artifactLocation", artifact(finding.file))] + (finding.hasSourceLine ? [("region", region(finding.range))] : []))),
            ])])),
        ]
        if let fingerprint = finding.fingerprint {
            members.append(("partialFingerprints", .object([("plimsoll/v1", .string(fingerprint))])))
        }
        var properties: [(String, JSONValue)] = []
        if let path = finding.path { properties.append(("path", .string(path))) }
        if let layer = finding.layer { properties.append(("layer", .number(layer))) }
        if !properties.isEmpty { members.append(("properties", .object(properties))) }
        if let fix = finding.fix {
            members.append(("fixes", .array([.object([
                ("description", .object([("text", .string("\(fix.description) (\(fix.safety.label))"))])),
                ("artifactChanges", .array([.object([
                    ("artifactLocation", artifact(finding.file)),
                    ("replacements", .array(fix.edits.map { edit in
                        .object([("deletedRegion", region(edit.range)), ("insertedContent", .object([("text", .string(edit.replacement))]))])
                    })),
                ])])),
            ])])))
        }
        return .object(members)
    }
}

/// Percent-encodes a file path for a URI reference.
enum URIPath {
    static func encode(_ path: String) -> String {
        var output = ""
        for byte in path.utf8 {
            let unreserved = (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
                || "-._~/".utf8.contains(byte)
            if unreserved {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                output += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return output
    }
}
