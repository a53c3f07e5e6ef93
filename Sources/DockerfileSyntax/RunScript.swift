/// The shell commands a RUN instruction executes, from its shell form, its exec form
/// (`["sh", "-c", "…"]`) or its heredoc script.
enum RunScript {
    static func commands(of instruction: Instruction) -> ShellScript {
        switch instruction.body {
        case .shell(let line):
            var script = ShellParser.parse(line.value)
            if let heredoc = instruction.heredocs.first, feedsShell(script) {
                script.commands.removeAll { $0.words.isEmpty }
                script.commands.append(contentsOf: ShellParser.parse(heredoc.content).commands)
            }
            return script
        case .json(let items):
            let words = items.map(\.value)
            if words.count >= 3, let program = words.first?.split(separator: "/").last.map(String.init),
               ShellParser.shells.contains(program), words[1] == "-c" {
                return ShellParser.parse(words[2])
            }
            let command = ShellCommand(
                assignments: [], words: words.map { ShellWord(value: $0, raw: $0) }, redirections: [], connector: .end, groupDepth: 0)
            return ShellScript(commands: words.isEmpty ? [] : [command])
        default:
            return ShellScript(commands: [])
        }
    }

    /// `RUN <<EOF` and `RUN bash <<EOF` run the heredoc as a script; `RUN python3 <<EOF` does not.
    private static func feedsShell(_ line: ShellScript) -> Bool {
        let programs = line.commands.compactMap(\.program)
        guard let program = programs.first else { return true }
        return programs.count == 1 && ShellParser.shells.contains(program) && !(line.commands.first?.arguments.contains("-c") ?? false)
    }
}
