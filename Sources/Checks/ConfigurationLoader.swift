import HostSystem
import BuildContext
import Yams

/// Why a configuration file cannot be used, naming the key.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}

/// Reads `.plimsoll.yaml`. Unknown keys and wrong types are errors, never silently ignored.
public enum ConfigurationLoader {
    public static let fileName = ".plimsoll.yaml"

    public static func load(yaml text: String, path: String) throws(ConfigurationError) -> Configuration {
        func fail(_ message: String) -> ConfigurationError { ConfigurationError(path: path, message: message) }
        let document: Any?
        do {
            // Dates (`expires: 2027-01-31`) stay text: they are compared as calendar days, not instants.
            document = try Yams.load(yaml: text, Resolver.default.removing(.timestamp))
        } catch {
            throw fail("not valid YAML: \(String(describing: error).split(separator: "\n").first ?? "")")
        }
        guard let document else { return Configuration() }
        guard let root = document as? [String: Any] else { throw fail("expected a mapping of settings at the top level") }
        var configuration = Configuration()
        for (key, value) in root.sorted(by: { $0.key < $1.key }) {
            switch key {
            case "ignore", "ignored":
                configuration.ignored.formUnion(try strings(value, key: key, path: path))
            case "enable", "enabled":
                for rule in try strings(value, key: key, path: path) {
                    try requireKnownRule(rule, key: key, path: path)
                    configuration.enabled.insert(rule)
                }
            case "override":
                guard let levels = value as? [String: Any] else { throw fail("'override' must map severities to lists of rules") }
                for (level, rules) in levels {
                    guard let severity = Severity(rawValue: level) else {
                        throw fail("'override.\(level)' is not a severity (error, warning, info, style)")
                    }
                    for rule in try strings(rules, key: "override.\(level)", path: path) {
                        try requireKnownRule(rule, key: "override.\(level)", path: path)
                        configuration.severityOverrides[rule] = severity
                    }
                }
            case "trusted-registries", "trustedRegistries":
                configuration.trustedRegistries = try strings(value, key: key, path: path)
            case "fail-on", "failure-threshold":
                guard let text = value as? String, let threshold = FindingThreshold(text) else {
                    throw fail("'\(key)' must be one of \(FindingThreshold.choices)")
                }
                configuration.failOn = threshold
            case "label-schema", "labelSchema":
                guard let schema = value as? [String: Any] else { throw fail("'\(key)' must map label names to types") }
                for (label, type) in schema {
                    guard let name = type as? String, let labelType = LabelType(rawValue: name) else {
                        throw fail("'\(key).\(label)' must be one of \(LabelType.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    configuration.labelSchema[label] = labelType
                }
            case "strict-labels", "strictLabels":
                guard let strict = value as? Bool else { throw fail("'\(key)' must be true or false") }
                configuration.strictLabels = strict
            case "sensitive-files", "allow-paths":
                let patterns = try strings(value, key: key, path: path)
                do {
                    _ = try ImagePathPatterns(patterns)
                } catch {
                    throw fail("'\(key)': \(error.description)")
                }
                if key == "sensitive-files" { configuration.sensitiveFiles = patterns } else { configuration.allowPaths = patterns }
            case "ignore-vulnerabilities":
                configuration.vulnerabilityExceptions = try vulnerabilityExceptions(value, path: path)
            case "shellcheck":
                switch value {
                case let enabled as Bool: configuration.shellcheck = enabled ? .automatic : .off
                case let path as String where !path.isEmpty: configuration.shellcheck = .executable(path)
                default: throw fail("'shellcheck' must be true, false or the path of a ShellCheck binary")
                }
            case "rules":
                guard let rules = value as? [String: Any] else { throw fail("'rules' must map rule ids to their options") }
                for (identifier, settings) in rules {
                    guard let meta = RuleRegistry.meta(named: identifier) else { throw fail("'rules.\(identifier)' is not a known rule") }
                    guard let settings = settings as? [String: Any] else { throw fail("'rules.\(identifier)' must map option names to values") }
                    for (option, raw) in settings {
                        guard meta.options.contains(where: { $0.name == option }) else {
                            let known = meta.options.map(\.name).joined(separator: ", ")
                            throw fail("'rules.\(identifier).\(option)' is not an option of \(meta.id) (options: \(known.isEmpty ? "none" : known))")
                        }
                        guard let number = raw as? Int, number >= 0 else {
                            throw fail("'rules.\(identifier).\(option)' must be a non-negative integer")
                        }
                        configuration.ruleOptions[meta.id, default: [:]][option] = number
                    }
                }
            default:
                throw fail("unknown key '\(key)' (known: ignore, enable, override, trusted-registries, fail-on, label-schema, strict-labels, sensitive-files, allow-paths, ignore-vulnerabilities, shellcheck, rules)")
            }
        }
        return configuration
    }

    /// `- {id: CVE-…, reason: …, package: …, expires: YYYY-MM-DD}`; the reason is required so every
    /// accepted risk says why.
    private static func vulnerabilityExceptions(_ value: Any, path: String) throws(ConfigurationError) -> [VulnerabilityException] {
        func fail(_ message: String) -> ConfigurationError { ConfigurationError(path: path, message: "'ignore-vulnerabilities' " + message) }
        guard let list = value as? [Any] else { throw fail("must be a list of {id, reason, package, expires} entries") }
        var exceptions: [VulnerabilityException] = []
        for (index, item) in list.enumerated() {
            guard let entry = item as? [String: Any] else { throw fail("entry \(index + 1) must be a mapping with id and reason") }
            if let unknown = entry.keys.sorted().first(where: { !["id", "reason", "package", "expires"].contains($0) }) {
                throw fail("entry \(index + 1) has an unknown key '\(unknown)' (known: id, reason, package, expires)")
            }
            guard let id = entry["id"] as? String, !id.isEmpty else { throw fail("entry \(index + 1) needs an id (an advisory id or alias such as CVE-2024-1234)") }
            guard let reason = entry["reason"] as? String, reason.contains(where: { !$0.isWhitespace }) else {
                throw fail("entry \(index + 1) (\(id)) needs a reason: say why the risk is accepted")
            }
            if let package = entry["package"], !(package is String) { throw fail("entry \(index + 1) (\(id)): 'package' must be a package name") }
            var expires: String?
            if let raw = entry["expires"] {
                guard let text = raw as? String, CivilDate.days(text) != nil else {
                    throw fail("entry \(index + 1) (\(id)): 'expires' must be a date like 2027-01-31")
                }
                expires = text
            }
            exceptions.append(VulnerabilityException(id: id, reason: reason, package: entry["package"] as? String, expires: expires))
        }
        return exceptions
    }

    private static func strings(_ value: Any, key: String, path: String) throws(ConfigurationError) -> [String] {
        if let single = value as? String { return [single] }
        guard let list = value as? [Any] else { throw ConfigurationError(path: path, message: "'\(key)' must be a list of strings") }
        var result: [String] = []
        for item in list {
            guard let text = item as? String else { throw ConfigurationError(path: path, message: "'\(key)' must be a list of strings") }
            result.append(text)
        }
        return result
    }

    private static func requireKnownRule(_ identifier: String, key: String, path: String) throws(ConfigurationError) {
        guard RuleRegistry.meta(named: identifier) != nil else {
            throw ConfigurationError(path: path, message: "'\(key)' names an unknown rule '\(identifier)'")
        }
    }
}
