import Checks

/// The `baseImages` member of the JSON report (and of SARIF's run properties): each FROM's base
/// image and how fresh its registry says it is, by name as written.
enum BaseImageJSON {
    static func render(_ facts: BaseImageFacts) -> JSONValue {
        .array(facts.keys.sorted().compactMap { name in
            guard let status = facts[name] else { return nil }
            var members: [(String, JSONValue)] = [("name", .string(name)), ("reference", .string(status.reference)),
                                                  ("state", .string(status.state.rawValue))]
            let optional: [(String, String?)] = [("pinned", status.pinned), ("current", status.current), ("pinnedCreated", status.pinnedCreated),
                                                 ("currentCreated", status.currentCreated), ("newerTag", status.newerTag), ("reason", status.reason)]
            for (key, value) in optional {
                if let value { members.append((key, .string(value))) }
            }
            return .object(members)
        })
    }
}

/// `base images:` lines of the text report: name, state, and what backs it.
enum BaseImageText {
    static func render(_ facts: BaseImageFacts) -> String {
        guard !facts.isEmpty else { return "" }
        var output = "base images:\n"
        for name in facts.keys.sorted() {
            guard let status = facts[name] else { continue }
            var details: [String] = []
            if let current = status.current { details.append("now \(current)") }
            if let newer = status.newerTag { details.append("newer release \(newer)") }
            if let reason = status.reason { details.append(reason) }
            output += "  \(name.isEmpty ? "(empty)" : name): \(status.state.rawValue)\(details.isEmpty ? "" : " (" + details.joined(separator: "; ") + ")")\n"
        }
        return output
    }
}
