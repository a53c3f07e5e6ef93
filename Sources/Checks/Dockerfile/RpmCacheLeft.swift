import DockerfileSyntax

struct RpmCacheLeft: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD035", name: "rpm-cache-left", severity: .warning,
        aliases: ["DL3032", "DL3040", "DL3036", "DS-0015", "DS-0019", "DS-0020", "DS-0027"],
        title: "yum, dnf or zypper install without cleaning its cache",
        why: """
            yum, dnf, microdnf and zypper keep repository metadata and downloaded packages under \
            `/var/cache`; unless the same RUN ends with `yum clean all`, `dnf clean all` or `zypper clean`, \
            they stay in the layer. A cache mount on the cache directory works as well.
            """,
        triggering: ["FROM fedora:41\nRUN dnf install -y git\n", "FROM rockylinux:9\nRUN yum install -y httpd\n",
                     "FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y shadow-utils\n"],
        passing: ["FROM fedora:41\nRUN dnf install -y git && dnf clean all\n",
                  "FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y shadow-utils && microdnf clean all\n", "FROM opensuse/leap:15.6\nRUN zypper install -y git && zypper clean -a\n",
                  "FROM fedora:41\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y git\n"],
        fix: .safe)

    func check(_ context: LintContext) -> [Finding] {
        context.layerSteps.compactMap { step -> Finding? in
            guard let install = PackageCommands(step)?.leftInLayer.first(where: { $0.command.manager == .dnf || $0.command.manager == .zypper })?.command
            else { return nil }
            let manager = install.program
            let clean = manager == "zypper" ? "zypper clean --all" : "\(manager) clean all"
            let fix = RunTextEdits.append("&& \(clean)", to: step, context: context)
                .map { Fix(Self.meta, description: "Clean the \(manager) cache in the same RUN", edits: $0) }
            return context.finding(Self.meta, at: step.instruction.span, "`\(manager) \(install.command.subcommand ?? "install")` leaves its cache in this layer; end the RUN with `&& \(clean)`",
                                   fix: fix)
        }
    }
}
