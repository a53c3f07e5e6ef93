import DockerfileSyntax

struct CurlPipeShell: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD042", name: "curl-pipe-shell", severity: .warning,
        title: "A downloaded script is piped straight into a shell",
        why: """
            `curl … | sh` runs whatever the server (or anyone between) sends at build time, unverified and \
            unpinned: the next build can run a different script. Download to a file, check its SHA-256 \
            (`echo "<sum>  install.sh" | sha256sum -c`), then run it; or use `ADD --checksum`.
            """,
        triggering: ["FROM debian:12-slim\nRUN curl -fsSL https://get.example.com | sh\n",
                     "FROM alpine:3.20\nRUN wget -qO- https://example.com/install.sh | bash -s -- --yes\n"],
        passing: ["FROM debian:12-slim\nRUN curl -fsSLo install.sh https://get.example.com && echo \"abc  install.sh\" | sha256sum -c && sh install.sh\n",
                  "FROM debian:12-slim\nRUN curl -fsSL https://example.com/key | gpg --dearmor -o /k.gpg\n"])

    static let shells: Set<String> = ["sh", "bash", "ash", "dash", "zsh", "ksh", "python", "python3", "perl", "ruby", "node"]

    func check(_ context: LintContext) -> [Finding] {
        context.allSteps.compactMap { step -> Finding? in
            guard let commands = step.script?.commands else { return nil }
            for (index, command) in commands.enumerated().dropLast() where command.connector == .pipe {
                guard command.program == "curl" || command.program == "wget",
                      let shell = commands[index + 1].program, Self.shells.contains(shell) else { continue }
                return context.finding(Self.meta, at: step.instruction.span,
                                       "`\(command.program ?? "curl") … | \(shell)` runs an unverified download; save it, check its checksum, then run it")
            }
            return nil
        }
    }
}
