import DockerfileSyntax

struct InteractiveCommand: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD041", name: "interactive-command", severity: .info, aliases: ["DL3001"],
        title: "RUN uses a command that makes no sense in a build",
        why: """
            Commands for interactive use or for managing a running system (`ssh`, `vim`, `nano`, `shutdown`, \
            `service`, `systemctl`, `ps`, `top`, `free`, `kill`, `mount`, `ifconfig`) do nothing useful in a \
            build step: there is no terminal, no init system and no running service.
            """,
        triggering: ["FROM debian:12-slim\nRUN service nginx start\n", "FROM debian:12-slim\nRUN vim /etc/hosts\n"],
        passing: ["FROM debian:12-slim\nRUN apt-get install -y --no-install-recommends vim\n", "FROM debian:12-slim\nCMD [\"nginx\", \"-g\", \"daemon off;\"]\n"])

    static let commands: Set<String> = ["ssh", "vim", "vi", "nano", "shutdown", "reboot", "service", "systemctl", "ps", "top", "htop", "free", "kill", "mount", "ifconfig"]

    func check(_ context: LintContext) -> [Finding] {
        context.allSteps.compactMap { step -> Finding? in
            guard let program = step.script?.commands.compactMap(\.program).first(where: Self.commands.contains) else { return nil }
            return context.finding(Self.meta, at: step.instruction.span, "`\(program)` has nothing to act on during a build")
        }
    }
}
