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
            document = try Yams.load(yaml: text)
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
                guard let text = value as? String, let threshold = FailThreshold(text) else {
                    throw fail("'\(key)' must be one of \(FailThreshold.choices)")
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
                throw fail("unknown key '\(key)' (known: ignore, enable, override, trusted-registries, fail-on, label-schema, strict-labels, sensitive-files, allow-paths, rules)")
            }
        }
        return configuration
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
