import DockerfileSyntax

struct RpmInstallMissingYes: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD036", name: "rpm-install-missing-yes", severity: .warning, aliases: ["DL3030", "DL3034", "DL3038"],
        title: "yum, dnf or zypper install without its non-interactive switch",
        why: """
            yum and dnf ask "Is this ok [y/N]" and zypper "Continue? [y/n]" before installing; with no one to \
            answer, the build fails or hangs. Pass `-y` to yum, dnf and microdnf, and `-n` (`--non-interactive`) \
            before the command, or `-y` after it, to zypper.
            """,
        triggering: ["FROM fedora:41\nRUN dnf install git\n", "FROM opensuse/leap:15.6\nRUN zypper install curl\n"],
        passing: ["FROM fedora:41\nRUN dnf install -y git\n", "FROM opensuse/leap:15.6\nRUN zypper -n install curl\n",
                  "FROM rockylinux:9\nRUN yum --assumeyes install httpd\n"],
        fix: .safe)

    func check(_ context: LintContext) -> [Finding] {
        context.allSteps.compactMap { step -> Finding? in
            guard let command = step.script?.commands.first(where: { command in
                guard command.invokes(["yum", "dnf", "microdnf", "zypper"], subcommand: ["install", "in", "update", "upgrade", "remove", "groupinstall"]) else { return false }
                return !(command.hasOption("-y") || command.hasOption("--assumeyes") || command.hasOption("-n")
                         || command.hasOption("--non-interactive") || command.hasOption("--no-confirm"))
            }), let manager = command.program else { return nil }
            let subcommand = command.subcommand ?? "install"
            let advice = manager == "zypper" ? "`zypper -n \(subcommand)`" : "`\(manager) \(subcommand) -y`"
            // The switch goes where it is named: right after `zypper`, or after the subcommand (`dnf install -y`).
            let edits = manager == "zypper"
                ? RunTextEdits.insert(" -n", after: ["zypper"], asCommand: true, in: step, context: context)
                : RunTextEdits.insert(" -y", after: ["\(manager) \(subcommand)"], asCommand: true, in: step, context: context)
            return context.finding(Self.meta, at: step.instruction.span, "`\(manager) \(subcommand)` will stop to ask for confirmation; use \(advice)",
                                   fix: edits.map { Fix(Self.meta, description: "Answer yes without asking", edits: $0) })
        }
    }
}
