import ContainerImage

/// Modes worth a look: set-id bits and world-writable paths, listed with a bound on how many.
enum SpecialPermissions {
    /// Findings past this many are summarised in one, so a hostile image with 100 000 of them stays readable.
    static let listLimit = 50

    struct Hit {
        var path: String
        var mode: UInt32
        var layer: Int
    }

    /// Final-filesystem entries matching `test`, in path order.
    static func find(in image: ImageCheckContext, _ test: (FileTree.Node) -> Bool) -> [Hit] {
        var hits: [Hit] = []
        image.finalEntries { path, node in
            if test(node) { hits.append(Hit(path: path, mode: node.mode, layer: node.layer)) }
        }
        return hits.sorted { $0.path < $1.path }
    }

    /// One finding per hit up to the limit, then one that counts the rest.
    static func report(_ hits: [Hit], in image: ImageCheckContext, meta: RuleMeta,
                       _ message: (Hit) -> (String, Severity?)) -> [Finding] {
        var findings = hits.prefix(listLimit).map { hit in
            let (text, severity) = message(hit)
            var finding = image.finding(meta, layer: hit.layer, path: hit.path, text)
            if let severity { finding.severity = severity }
            return finding
        }
        if hits.count > listLimit {
            findings.append(image.finding(meta, layer: nil, path: nil, "and \(hits.count - listLimit) more paths like these"))
        }
        return findings
    }

    static func octal(_ mode: UInt32) -> String { String(mode & 0o7777, radix: 8) }
}
