import DockerfileSyntax

struct PasswordSetInRun: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD059", name: "password-set-in-run", severity: .warning, aliases: ["CKV2_DOCKER_17"],
        title: "RUN sets an account password",
        why: """
            `chpasswd`, `useradd -p` and `usermod -p` put a password (or its hash) in the RUN line, which \
            `docker history` shows to everyone who can pull the image, and in the image's `/etc/shadow`. \
            Containers are not logged into: create the user without a password (`useradd -l -u 10001 app`) \
            and, where a service needs a secret, mount it at run time or with `RUN --mount=type=secret`.
            """,
        triggering: ["FROM debian:12-slim\nRUN useradd app && echo 'app:hunter2' | chpasswd\n",
                     "FROM ubuntu:24.04\nRUN useradd -m -p \"$(openssl passwd -1 secret)\" app\n",
                     "FROM alpine:3.20\nRUN adduser -D app\nRUN usermod --password x app\n"],
        passing: ["FROM debian:12-slim\nRUN useradd -l -u 10001 app\n", "FROM debian:12-slim\nRUN passwd -l root\n",
                  "FROM debian:12-slim\nRUN echo chpasswd is not run here\n"])

    func check(_ context: LintContext) -> [Finding] {
        context.allSteps.compactMap { step -> Finding? in
            guard let script = step.script, let command = script.commands.first(where: Self.setsPassword) else { return nil }
            return context.finding(Self.meta, at: step.instruction.span,
                                   "`\(command.program ?? "")` sets a password that `docker history` and the image's /etc/shadow keep; create the user without one")
        }
    }

    static func setsPassword(_ command: ShellCommand) -> Bool {
        command.invokes(["chpasswd"]) || (command.invokes(["useradd", "usermod"]) && (command.hasOption("-p") || command.hasOption("--password")))
    }
}
