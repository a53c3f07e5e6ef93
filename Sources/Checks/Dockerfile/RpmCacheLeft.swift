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

    static let caches = ["yum": "/var/cache/yum", "dnf": "/var/cache/dnf", "microdnf": "/var/cache/yum", "zypper": "/var/cache/zypp"]

    func check(_ context: LintContext) -> [Finding] {
        context.layerSteps.compactMap { step -> Finding? in
            guard let script = step.script,
                  let install = script.commands.first(where: { $0.invokes(Array(Self.caches.keys), subcommand: ["install", "in", "update", "upgrade"]) }),
                  let manager = install.program, let cache = Self.caches[manager] else { return nil }
            let cleaned = script.commands.contains { $0.program == manager && ($0.subcommand == "clean" || $0.subcommand == "cc") }
            guard !cleaned, !script.removes(cache), !PackageInstall.mountsCache(step, covering: cache) else { return nil }
            let clean = manager == "zypper" ? "zypper clean --all" : "\(manager) clean all"
            let fix = RunTextEdits.append("&& \(clean)", to: step, context: context)
                .map { Fix(Self.meta, description: "Clean the \(manager) cache in the same RUN", edits: $0) }
            return context.finding(Self.meta, at: step.instruction.span, "`\(manager) \(install.subcommand ?? "install")` leaves its cache in this layer; end the RUN with `&& \(clean)`",
                                   fix: fix)
        }
    }
}
