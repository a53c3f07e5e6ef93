import DockerfileSyntax

/// Turns the POSIX shell-form RUNs of a Dockerfile into ShellCheck scripts and ShellCheck's
/// comments back into findings on the Dockerfile's lines.
enum ShellCheckScripts {
    struct Script {
        var text: String
        /// The file line of each script line (1-based index into the script), header lines included.
        var fileLines: [Int]
        /// Column offset of the first RUN line (where the command starts after `RUN` and its flags).
        var firstLine: Int
        var firstColumnOffset: Int
    }

    /// Lines before the RUN text: the shebang, a directive, and the ARG/ENV names as assignments
    /// so ShellCheck knows they are set (no SC2154 for them).
    static let headerLines = 3

    static func scripts(for graph: BuildGraph) -> [Script] {
        let source = graph.dockerfile.source
        let names = Set(graph.globalArguments.keys).union(graph.stages.flatMap(\.steps).flatMap(\.declaredVariableNames)).filter(isShellName).sorted()
        var scripts: [Script] = []
        for step in graph.stages.flatMap(\.steps) where step.instruction.kind == .run && step.usesPOSIXShell {
            guard case .shell(let line) = step.instruction.body, step.instruction.heredocs.isEmpty else { continue }
            let shell = (step.shell.first ?? "/bin/sh").hasSuffix("bash") ? "#!/bin/bash" : "#!/bin/sh"
            let start = source.position(of: line.span.start)
            var body = String(decoding: source.bytes[line.span.start..<source.endOfLine(start.line)], as: UTF8.self) + "\n"
            var fileLines = [Int](repeating: step.instruction.startLine, count: headerLines)
            fileLines.append(start.line)
            if step.instruction.endLine > start.line {
                for number in (start.line + 1)...step.instruction.endLine {
                    let lineStart = source.lineStarts[number - 1], lineEnd = source.endOfLine(number)
                    let content = String(decoding: source.bytes[lineStart..<lineEnd], as: UTF8.self)
                    let trimmed = content.drop { $0 == " " || $0 == "\t" }
                    // BuildKit drops comment and blank lines inside a continuation; so does the script.
                    if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                    body += content + "\n"
                    fileLines.append(number)
                }
            }
            // Only the names the RUN mentions: the same RUN in two Dockerfiles is then the same
            // script, checked once per batch and cached once.
            var assignments = ""
            for name in names where body.contains(text: name) { assignments += (assignments.isEmpty ? "" : " ") + name + "=" }
            let text = "\(shell)\n# shellcheck disable=SC2034\n\(assignments.isEmpty ? ":" : assignments)\n" + body
            scripts.append(Script(text: text, fileLines: fileLines, firstLine: start.line, firstColumnOffset: start.column - 1))
        }
        return scripts
    }

    static func findings(_ comments: [ShellCheckComment], scripts: [Script], file: String) -> [Finding] {
        comments.compactMap { comment in
            guard comment.script < scripts.count, !comment.code.isEmpty else { return nil }
            let script = scripts[comment.script]
            guard comment.line > headerLines, comment.line <= script.fileLines.count else { return nil }
            let line = script.fileLines[comment.line - 1]
            let column = comment.column + (line == script.firstLine && comment.line == headerLines + 1 ? script.firstColumnOffset : 0)
            let position = SourcePosition(line: line, column: column)
            return Finding(rule: meta(comment.code, level: comment.level), message: comment.message, file: file,
                           range: SourceRange(start: position, end: position))
        }
    }

    /// A name `sh` accepts in an assignment: ASCII letters, digits and `_`, not starting with a digit.
    static func isShellName(_ name: String) -> Bool {
        guard let first = name.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return false }
        return name.utf8.allSatisfy { byte in
            byte == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
    }

    /// ShellCheck's codes are its own rules: `SC2086`, with ShellCheck's level as severity.
    static func meta(_ code: String, level: String) -> RuleMeta {
        let severity: Severity = level == "error" ? .error : level == "warning" ? .warning : .info
        return RuleMeta(id: code, name: "shellcheck-\(code.lowercased())", severity: severity, title: "ShellCheck \(code)",
                        why: "Reported by ShellCheck on the RUN script; see https://www.shellcheck.net/wiki/\(code).",
                        triggering: [], passing: [])
    }
}
