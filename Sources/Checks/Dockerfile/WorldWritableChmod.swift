import DockerfileSyntax

struct WorldWritableChmod: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD044", name: "world-writable-chmod", severity: .warning,
        title: "chmod makes files writable by everyone",
        why: """
            `chmod 777` (or `o+w`, `a+rwx`) lets any process in the container, whatever its user, replace \
            the application's files or scripts: a foothold for anything that gets code execution. Give the \
            application user ownership (`COPY --chown`, `chown`) and keep modes like 755/644.
            """,
        triggering: ["FROM node:22-slim\nRUN chmod -R 777 /app\n", "FROM node:22-slim\nRUN chmod o+w /srv/run.sh\n"],
        passing: ["FROM node:22-slim\nRUN chmod 755 /app/run.sh\n", "FROM node:22-slim\nRUN chmod 1777 /tmp/cache\n"])

    static func isWorldWritable(_ mode: String) -> Bool {
        if mode.allSatisfy(\.isNumber), let last = mode.last, let digit = last.wholeNumberValue {
            // Sticky-bit directories (1777) are the usual, safe shared-temp pattern.
            return digit & 2 != 0 && !(mode.count == 4 && mode.first == "1")
        }
        return mode.split(separator: ",").contains { clause in
            let parts = clause.split(maxSplits: 1, whereSeparator: { $0 == "+" || $0 == "=" })
            guard parts.count == 2, clause.contains("+") || clause.contains("=") else { return false }
            return (parts[0].contains("o") || parts[0].contains("a") || parts[0].isEmpty) && parts[1].contains("w")
        }
    }

    func check(_ context: LintContext) -> [Finding] {
        context.layerSteps.compactMap { step -> Finding? in
            guard let command = step.script?.commands.first(where: { $0.program == "chmod" && $0.operands.first.map(Self.isWorldWritable) == true }),
                  let mode = command.operands.first else { return nil }
            return context.finding(Self.meta, at: step.instruction.span, "`chmod \(mode)` makes files writable by every user; give ownership to the app user instead")
        }
    }
}
