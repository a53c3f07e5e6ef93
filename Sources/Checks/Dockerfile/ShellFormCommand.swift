import DockerfileSyntax

struct ShellFormCommand: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD028", name: "shell-form-command", severity: .warning, aliases: ["DL3025"],
        title: "CMD or ENTRYPOINT in shell form",
        why: """
            The shell form runs the command as `/bin/sh -c "…"`, so the shell, not the application, is PID 1: \
            `docker stop`'s SIGTERM never reaches the application, which is killed after the timeout \
            without a clean shutdown. The JSON form (`CMD ["node", "server.js"]`) runs it directly. The \
            fix rewrites commands made only of plain words; it is unsafe because the program then gets \
            the signals, and an ENTRYPOINT then also receives CMD's arguments.
            """,
        triggering: ["FROM node:22-slim\nCMD node server.js\n", "FROM python:3.12-slim\nENTRYPOINT python -m app --bind=0.0.0.0:8000\n"],
        passing: ["FROM node:22-slim\nCMD [\"node\", \"server.js\"]\n", "FROM node:22 AS test\nCMD npm test\nFROM node:22-slim\nCMD [\"node\", \"server.js\"]\n"],
        fix: .unsafe(because: "the JSON form runs no shell, so variables, globs, pipes and `&&` in the command are no longer interpreted"),
        differences: [
            AliasDifference(.buildStage, aliases: ["DL3025"], "only the final stage's CMD and ENTRYPOINT run in a container; a build stage's are not flagged (hadolint flags them)."),
            AliasDifference(.noBaseImage, aliases: ["DL3025"], "a file with no FROM cannot be built (PD008 says so); its CMDs are not judged further."),
            AliasDifference(.backtickEscape, aliases: ["DL3025"], "in files with `# escape=``, hadolint's line numbers drift after backtick continuations; plimsoll reports BuildKit's lines."),
        ])

    func check(_ context: LintContext) -> [Finding] {
        context.layerSteps.compactMap { step -> Finding? in
            let instruction = step.instruction
            guard instruction.kind == .cmd || instruction.kind == .entrypoint, case .shell(let line) = instruction.body else { return nil }
            let words = line.value.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { "\"\($0)\"" }.joined(separator: ", ")
            let shell = step.shell.first ?? "/bin/sh"
            // Only plain words keep their meaning without a shell: no quotes, variables, globs or operators.
            let fix = instruction.heredocs.isEmpty && !words.isEmpty && line.value.allSatisfy(Self.isPlain)
                ? Fix(Self.meta, description: "Write the command in JSON (exec) form", edits: [context.edit(line.span, "[\(words)]")]) : nil
            return context.finding(Self.meta, at: instruction.span,
                                   "\(instruction.keyword.uppercased()) in shell form runs under \(shell), which then gets the stop signal instead of the program; write `\(instruction.keyword.uppercased()) [\(words)]`",
                                   fix: fix)
        }
    }

    private static func isPlain(_ character: Character) -> Bool {
        character == " " || character == "\t" || (character.isASCII && (character.isLetter || character.isNumber)) || "-_./:=@%+,".contains(character)
    }
}
