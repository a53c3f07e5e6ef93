/// Whether a version falls in an OSV `affected` entry: its explicit `versions`, or one of its
/// ECOSYSTEM/SEMVER `ranges`, evaluated as the OSV specification describes (events sorted by
/// version; affected from an `introduced` until the next `fixed`, or through a `last_affected`;
/// a `limit` caps the range).
public enum AffectedRanges {
    public static func contains(_ version: String, in affected: Advisory.Affected, ecosystem: Ecosystem) -> Bool {
        if affected.versions?.contains(version) == true { return true }
        for range in affected.ranges ?? [] where range.type == "ECOSYSTEM" || range.type == "SEMVER" {
            let rangeEcosystem = range.type == "SEMVER" ? Ecosystem("npm") : ecosystem
            if contains(version, events: range.events, ecosystem: rangeEcosystem) { return true }
        }
        return false
    }

    static func contains(_ version: String, events: [Advisory.Event], ecosystem: Ecosystem) -> Bool {
        guard let installed = ecosystem.parse(version) else { return false }
        /// OSV's `0` is below every version; nil for a version the ordering cannot read.
        enum Bound {
            case zero
            case version(Ecosystem.ParsedVersion)

            func compare(_ other: Bound) -> Int {
                switch (self, other) {
                case (.zero, .zero): 0
                case (.zero, _): -1
                case (_, .zero): 1
                case (.version(let a), .version(let b)): a.compare(b) ?? 0
                }
            }
        }
        func bound(_ text: String) -> Bound? { text == "0" ? .zero : ecosystem.parse(text).map(Bound.version) }
        // (bound, kind) pairs; kinds at the same version: introduced before fixed. A range with a
        // version its ordering cannot read is unusable as a whole: dropping just that event could
        // turn "fixed in X" into "affected forever".
        var points: [(bound: Bound, kind: Int)] = []
        var limit: Bound?
        for event in events {
            for (value, kind) in [(event.introduced, 0), (event.fixed, 1), (event.lastAffected, 2)] {
                guard let value else { continue }
                guard let parsed = bound(value) else { return false }
                points.append((parsed, kind))
            }
            if let value = event.limit, value != "*" {
                guard let parsed = bound(value) else { return false }
                limit = limit ?? parsed
            }
        }
        let current = Bound.version(installed)
        if let limit, current.compare(limit) >= 0 { return false }
        points.sort { left, right in
            let order = left.bound.compare(right.bound)
            return order < 0 || (order == 0 && left.kind < right.kind)
        }
        var affected = false
        for point in points {
            let order = current.compare(point.bound)
            switch point.kind {
            case 0 where order >= 0: affected = true
            case 1 where order >= 0: affected = false
            case 2 where order > 0: affected = false
            default: break
            }
        }
        return affected
    }
}
