import Audit
import Checks

/// The `baseImages` and `imageBase` members of the JSON report (and of SARIF's run properties):
/// each FROM's base image, and a built image's base, with how fresh its registry says it is.
enum BaseImageJSON {
    /// The members for a report that has answers; none offline.
    static func members(_ report: AuditReport) -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = []
        if !report.baseImages.isEmpty {
            members.append(("baseImages", .array(report.baseImages.keys.sorted().compactMap { name in
                report.baseImages[name].map { status(name, $0) }
            })))
        }
        if let base = report.imageBase { members.append(("imageBase", status(nil, base))) }
        return members
    }

    private static func status(_ name: String?, _ status: BaseImageStatus) -> JSONValue {
        var members: [(String, JSONValue)] = name.map { [("name", .string($0))] } ?? []
        members += [("reference", .string(status.reference)), ("state", .string(status.state.rawValue))]
        let optional: [(String, String?)] = [("pinned", status.pinned), ("current", status.current), ("pinnedCreated", status.pinnedCreated),
                                             ("currentCreated", status.currentCreated), ("newerTag", status.newerTag), ("reason", status.reason)]
        for (key, value) in optional {
            if let value { members.append((key, .string(value))) }
        }
        return .object(members)
    }
}

/// `base images:` lines of the text report (and `image base:` for a built image): name, state, and
/// what backs it; GitHub notices and JUnit cases say the same.
enum BaseImageText {
    static func render(_ report: AuditReport) -> String {
        var output = report.baseImages.isEmpty ? "" : "base images:\n"
        for (name, status) in entries(report) where name != imageBaseLabel {
            output += "  \(name): \(line(status))\n"
        }
        if let base = report.imageBase { output += "\(imageBaseLabel): \(base.reference): \(line(base))\n" }
        return output
    }

    static let imageBaseLabel = "image base"

    /// Every answer by name (an ARG-made empty name shown as `(empty)`), the built image's base last.
    static func entries(_ report: AuditReport) -> [(name: String, status: BaseImageStatus)] {
        var entries = report.baseImages.keys.sorted().compactMap { name in report.baseImages[name].map { (name.isEmpty ? "(empty)" : name, $0) } }
        if let base = report.imageBase { entries.append((imageBaseLabel, base)) }
        return entries
    }

    /// `pinned-stale (now sha256:…; newer release 1.2)`.
    static func line(_ status: BaseImageStatus) -> String {
        var details: [String] = []
        if let current = status.current { details.append("now \(current)") }
        if let newer = status.newerTag { details.append("newer release \(newer)") }
        if let reason = status.reason { details.append(reason) }
        return status.state.rawValue + (details.isEmpty ? "" : " (" + details.joined(separator: "; ") + ")")
    }
}
