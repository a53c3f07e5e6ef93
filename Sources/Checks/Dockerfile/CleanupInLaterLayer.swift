import DockerfileSyntax

/// The practice: clean up in the same layer. Removing files in a later RUN hides them but the
/// bytes stay in the earlier layer, so the image does not get smaller.
struct CleanupInLaterLayer: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD047", name: "cleanup-in-later-layer", severity: .warning,
        title: "A later RUN cleans up what an earlier instruction left",
        why: """
            Each instruction is a layer, and a layer only ever adds: deleting files (or purging packages, or \
            cleaning a package cache) in a later RUN marks them deleted in the new layer but leaves every \
            byte in the earlier one, so the image is as large as before plus the bookkeeping. Do the \
            cleanup in the same RUN that created the files, or keep them out with a cache mount or a \
            multi-stage build.
            """,
        triggering: [
            "FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nRUN rm -rf /var/lib/apt/lists/*\n",
            "FROM debian:12-slim\nCOPY app.tar.gz /tmp/app.tar.gz\nRUN tar xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz\n",
            "FROM debian:12-slim\nRUN apt-get update && apt-get install -y gcc && rm -rf /var/lib/apt/lists/*\nRUN apt-get purge -y gcc && apt-get autoremove -y\n",
        ],
        passing: [
            "FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n",
            "FROM debian:12 AS build\nRUN apt-get update\nFROM debian:12-slim\nRUN rm -rf /var/lib/apt/lists/*\n",
            "FROM debian:12-slim\nRUN curl -fsSLo /tmp/a.tgz https://x/a.tgz && tar xzf /tmp/a.tgz -C /opt && rm /tmp/a.tgz\n",
        ])

    /// Something an instruction left in its layer: a path, or installed packages.
    struct Leftover {
        var path: String?
        var packageManager: PackageManager?
        var packages: Set<String> = []
        var line: Int
        var what: String
    }

    func check(_ context: LintContext) -> [Finding] {
        var leftovers: [Leftover] = []
        var findings: [Finding] = []
        for stage in context.graph.stages where stage.shipsLayers {
            for step in stage.steps {
                // A RUN's commands are read once, for what it cleans up and for what it leaves.
                let packages = PackageCommands(step)
                if let packages, let earlier = cleanedUp(packages, in: leftovers) {
                    findings.append(context.finding(Self.meta, at: step.instruction.span,
                                                    "this cleans up \(earlier.what) from line \(earlier.line), but those bytes stay in that layer; clean up in the same RUN as line \(earlier.line)"))
                }
                leftovers += Self.leftovers(of: step, packages: packages)
            }
        }
        return findings
    }

    private func cleanedUp(_ packages: PackageCommands, in leftovers: [Leftover]) -> Leftover? {
        guard !leftovers.isEmpty else { return nil }
        var installedHere: Set<String>?
        for (position, command) in packages.script.commands.enumerated() {
            if command.program == "rm" {
                for operand in command.operands where operand.hasPrefix("/") {
                    let target = Self.trimmed(operand)
                    if let match = leftovers.last(where: { leftover in
                        guard let path = leftover.path else { return false }
                        return path == target || path.hasPrefix(target + "/") || target.hasPrefix(path + "/")
                    }) { return match }
                }
            }
            // Removing packages that an earlier RUN installed (not ones this RUN installed itself).
            if let removal = packages.commands.first(where: { $0.position == position }), removal.action == .remove {
                let removed = Set(removal.operands)
                let installed = installedHere ?? Set(Self.leftovers(of: packages, line: 0).flatMap(\.packages))
                installedHere = installed
                if let match = leftovers.last(where: { $0.packageManager == removal.manager && !$0.packages.isDisjoint(with: removed.subtracting(installed)) }) {
                    return match
                }
            }
        }
        return nil
    }

    static func trimmed(_ path: String) -> String {
        var text = path
        while text.hasSuffix("/*") || (text.count > 1 && text.hasSuffix("/")) { text.removeLast(text.hasSuffix("/*") ? 2 : 1) }
        return text
    }

    /// What a step leaves in its layer that a later cleanup would refer to.
    static func leftovers(of step: Step, packages: PackageCommands?) -> [Leftover] {
        let line = step.instruction.startLine
        var found: [Leftover] = []
        if step.instruction.kind == .copy || step.instruction.kind == .add, step.expandedFlag(named: "from") == nil,
           let destination = step.expanded.last, destination.hasPrefix("/") {
            for source in step.expanded.dropLast() {
                let name = source.split(separator: "/").last.map(String.init) ?? source
                let path = destination.hasSuffix("/") ? destination + name : destination
                found.append(Leftover(path: trimmed(path), packageManager: nil, line: line, what: "`\(path)` copied"))
            }
        }
        guard let packages else { return found }
        return found + leftovers(of: packages, line: line)
    }

    /// What a RUN's commands leave in its layer: package-manager lists and caches nothing in the
    /// RUN removes or mounts away, installed packages, and downloaded files.
    static func leftovers(of packages: PackageCommands, line: Int) -> [Leftover] {
        var found = packages.leftInLayer.map { left in
            Leftover(path: left.directory, packageManager: nil, line: line,
                     what: left.command.action == .refreshIndex ? "the \(left.command.manager.rawValue) lists downloaded" : "the \(left.command.program) cache written")
        }
        for install in packages.commands where install.action == .install && [.apt, .apk, .dnf].contains(install.manager) {
            found.append(Leftover(path: nil, packageManager: install.manager, packages: Set(install.operands), line: line, what: "packages installed"))
        }
        let script = packages.script
        for command in script.commands where command.program == "curl" || command.program == "wget" {
            let arguments = command.arguments
            for (index, argument) in arguments.enumerated() where ["-o", "--output", "-O", "--output-document"].contains(argument) && index + 1 < arguments.count {
                let path = arguments[index + 1]
                if path.hasPrefix("/"), !script.removes(trimmed(path)), !packages.mounts(covering: path) {
                    found.append(Leftover(path: trimmed(path), packageManager: nil, line: line, what: "`\(path)` downloaded"))
                }
            }
        }
        return found
    }
}
