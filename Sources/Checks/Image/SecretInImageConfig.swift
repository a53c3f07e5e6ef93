import ContainerImage
import DockerfileSyntax
import SecretScanning

/// The practice: secrets never go into an image.
struct SecretInImageConfig: ImageRule {
    static let meta = RuleMeta(
        id: "PI014", name: "secret-in-image-config", severity: .error, aliases: ["CIS-DI-0010"],
        title: "A secret is in the image config or its history",
        why: """
            `Env` and `Labels` are readable by anyone who can pull the image (`docker inspect`), and the \
            history keeps every build argument of a RUN (`|1 PASSWORD=…`) and every ENV ever set, even \
            ones a later ENV overwrote. Pass secrets at run time, or to the build with \
            `RUN --mount=type=secret`; values are shown masked.
            """,
        triggering: [
            "== config ==\nEnv: DB_PASSWORD=hunter2-not-real\n== layer: ADD file:rootfs in / ==\nusr/bin/app (1 bytes)\n",
            "== layer: RUN |1 NPM_TOKEN=npm_abcdefghijklmnopqrstuvwxyz0123456789 /bin/sh -c npm ci # buildkit ==\napp/package.json (2 bytes)\n",
            "== config ==\nLabel: deploy.key=ghp_abcdefghijklmnopqrstuvwxyz0123456789\n== layer: ADD file:rootfs in / ==\nusr/bin/app (1 bytes)\n",
        ],
        passing: [
            "== config ==\nEnv: DB_PASSWORD_FILE=/run/secrets/db\nEnv: PATH=/usr/bin\n== layer: RUN |1 VERSION=1.2 /bin/sh -c make # buildkit ==\nusr/bin/app (1 bytes)\n",
        ])

    func check(_ image: ImageCheckContext) -> [Finding] {
        var findings: [Finding] = []
        var reported = Set<String>()
        for variable in image.imageConfiguration.config?.environment ?? [] {
            let (key, value) = Self.split(variable)
            guard let masked = SecretAssignment.masked(key: key, value: value) else { continue }
            reported.insert(key + "=" + value)
            findings.append(image.configFinding(Self.meta, keyword: "ENV", matches: { $0.instruction.rest.value.contains(key) },
                                                "the image's environment sets `\(key)` to a secret (\(masked)); pass it at run time instead"))
        }
        for (key, value) in (image.imageConfiguration.config?.labels ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let masked = SecretAssignment.masked(key: key, value: value) else { continue }
            findings.append(image.configFinding(Self.meta, keyword: "LABEL", matches: { $0.instruction.rest.value.contains(key) },
                                                "the image's label `\(key)` holds a secret (\(masked)); labels are public"))
        }
        for (position, entry) in image.history.entries.enumerated() {
            guard let createdBy = entry.createdBy else { continue }
            let layer = image.history.layer(ofEntry: position)
            for (key, value) in Self.buildArguments(createdBy) + Self.environment(createdBy) where !reported.contains(key + "=" + value) {
                guard let masked = SecretAssignment.masked(key: key, value: value) else { continue }
                reported.insert(key + "=" + value)
                findings.append(image.finding(Self.meta, layer: layer, path: nil,
                                              "the image history records `\(key)` with a secret value (\(masked)) in history entry \(position); use `RUN --mount=type=secret`"))
            }
            for match in SecretScanner.scan(Array(createdBy.utf8)) where !reported.contains(match.masked) {
                reported.insert(match.masked)
                findings.append(image.finding(Self.meta, layer: layer, path: nil,
                                              "history entry \(position) holds a \(match.kind.title) (\(match.masked)) in its command"))
            }
        }
        return findings
    }

    static func split(_ assignment: String) -> (String, String) {
        guard let equals = assignment.firstIndex(of: "=") else { return (assignment, "") }
        return (String(assignment[..<equals]), String(assignment[assignment.index(after: equals)...]))
    }

    /// `|2 A=1 B=2 /bin/sh -c …`: the build arguments a RUN saw, as BuildKit and the classic builder record them.
    static func buildArguments(_ createdBy: String) -> [(String, String)] {
        var text = Substring(createdBy)
        if text.hasPrefix("RUN ") { text = text.dropFirst(4) }
        guard text.hasPrefix("|"), let space = text.firstIndex(of: " "), let count = Int(text[text.index(after: text.startIndex)..<space]) else {
            return []
        }
        return text[space...].split(separator: " ", maxSplits: count, omittingEmptySubsequences: true).prefix(count).map { split(String($0)) }
    }

    /// `ENV A=1 B=2` (BuildKit) or `/bin/sh -c #(nop)  ENV A=1` (classic).
    static func environment(_ createdBy: String) -> [(String, String)] {
        let command = HistoryCommand(createdBy: createdBy)
        guard command.keyword == "ENV" else { return [] }
        return command.text.split(separator: " ").map { split(String($0)) }
    }
}
