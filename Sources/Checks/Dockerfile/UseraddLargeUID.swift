import DockerfileSyntax

struct UseraddLargeUID: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD030", name: "useradd-large-uid", severity: .warning, aliases: ["DL3046"],
        title: "useradd with a large UID and without -l",
        why: """
            `useradd` records every user in `/var/log/lastlog` and `/var/log/faillog`, sparse files indexed \
            by UID. With a large UID they become gigabytes that image layers store in full. `-l` \
            (`--no-log-init`) skips them; the fix adds it.
            """,
        triggering: ["FROM debian:12-slim\nRUN useradd -u 1000000 app\n", "FROM debian:12-slim\nRUN useradd --uid=2000000 -m app\n"],
        passing: ["FROM debian:12-slim\nRUN useradd -l -u 1000000 app\n", "FROM debian:12-slim\nRUN useradd -u 10001 app\n"],
        fix: .safe)

    func check(_ context: LintContext) -> [Finding] {
        context.allSteps.compactMap { step -> Finding? in
            guard let command = step.script?.commands.first(where: { $0.program == "useradd" && Self.uid(of: $0).map { $0 > 65535 } == true }),
                  !command.hasOption("-l"), !command.hasOption("--no-log-init") else { return nil }
            let fix = RunTextEdits.insert(" -l", after: ["useradd"], asCommand: true, in: step, context: context)
                .map { Fix(Self.meta, description: "Add -l to useradd", edits: $0) }
            return context.finding(Self.meta, at: step.instruction.span,
                                   "`useradd` with UID \(Self.uid(of: command) ?? 0) and no `-l` writes huge sparse lastlog/faillog files into the layer; add `-l`",
                                   fix: fix)
        }
    }

    static func uid(of command: ShellCommand) -> Int? {
        let arguments = command.arguments
        for (index, argument) in arguments.enumerated() {
            if argument == "-u" || argument == "--uid", index + 1 < arguments.count { return Int(arguments[index + 1]) }
            if argument.hasPrefix("--uid=") { return Int(argument.dropFirst(6)) }
            if argument.hasPrefix("-u"), argument.count > 2 { return Int(argument.dropFirst(2)) }
        }
        return nil
    }
}
