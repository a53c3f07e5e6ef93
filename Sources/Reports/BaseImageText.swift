import Audit
import Checks

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
