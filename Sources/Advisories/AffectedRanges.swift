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
        func compare(_ a: String, _ b: String) -> Int? {
            if a == b { return 0 }
            if a == "0" { return -1 }
            if b == "0" { return 1 }
            return ecosystem.compare(a, b)
        }
        // A range with a version its ordering cannot read is unusable as a whole: dropping just that
        // event could turn "fixed in X" into "affected forever".
        let bounds = events.flatMap { [$0.introduced, $0.fixed, $0.lastAffected, $0.limit].compactMap { $0 } }
        guard bounds.allSatisfy({ $0 == "0" || $0 == "*" || ecosystem.accepts($0) }) else { return false }
        if let limit = events.compactMap(\.limit).first, limit != "*", let order = compare(version, limit), order >= 0 { return false }
        // (version, kind) pairs, sorted; kinds at the same version: introduced before fixed.
        var points: [(value: String, kind: Int)] = []
        for event in events {
            if let value = event.introduced { points.append((value, 0)) }
            if let value = event.fixed { points.append((value, 1)) }
            if let value = event.lastAffected { points.append((value, 2)) }
        }
        points.sort { left, right in
            guard let order = compare(left.value, right.value) else { return left.value < right.value }
            return order < 0 || (order == 0 && left.kind < right.kind)
        }
        var affected = false
        for point in points {
            guard let order = compare(version, point.value) else { continue }
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
