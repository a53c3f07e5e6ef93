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
