import DockerfileSyntax

struct WorkdirInSystemDirectory: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD058", name: "workdir-in-system-directory", severity: .warning, aliases: ["DS-0030"],
        title: "WORKDIR is inside a directory the runtime mounts over or a boot directory",
        why: """
            The container runtime mounts its own /proc and /dev over the image's, so whatever the build \
            put under them is hidden when the container runs, and the working directory may not even \
            exist there. /boot, /initrd and /lost+found belong to the host's boot and filesystem \
            machinery, not to an application. Trivy flags the same directories (DS-0030) but reads the \
            path as written; plimsoll resolves ARG and ENV first, so `WORKDIR $ROOT/work` is checked too. \
            Give the application a directory of its own, such as /app.
            """,
        triggering: ["FROM debian:12-slim\nWORKDIR /proc/app\n", "FROM debian:12-slim\nARG ROOT=/dev\nWORKDIR $ROOT/work\n"],
        passing: ["FROM debian:12-slim\nWORKDIR /app\n", "FROM debian:12-slim\nWORKDIR /proc\n", "FROM debian:12-slim\nWORKDIR /srv/developer\n"])

    /// Directories whose contents at run time are not the image's (Trivy's list).
    static let systemDirectories = ["/proc/", "/dev/", "/boot/", "/initrd/", "/lost+found/"]

    func check(_ context: LintContext) -> [Finding] {
        context.graph.stages.flatMap { stage in
            stage.steps.compactMap { step -> Finding? in
                guard step.instruction.kind == .workdir, let path = step.expanded.first,
                      let directory = Self.systemDirectories.first(where: { path.hasPrefix($0) }) else { return nil }
                return context.finding(Self.meta, at: step.instruction.span,
                                       "WORKDIR `\(path)` is inside \(directory.dropLast()); its contents at run time are not the image's, so use a directory of the application's own such as `/app`")
            }
        }
    }
}
