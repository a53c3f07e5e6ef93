import DockerfileSyntax

struct UpdateAlone: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD034", name: "update-alone", severity: .warning, aliases: ["DS-0017", "CKV_DOCKER_5"],
        title: "A RUN refreshes a package index and installs nothing with it",
        why: """
            `RUN apt-get update` (or `apk update`, `dnf makecache`, `microdnf makecache`, `zypper refresh`) \
            without an install or upgrade by the same manager makes a layer of package lists and is cached \
            independently of the install that follows: when the install line changes, Docker reuses the old \
            index and installs stale versions or fails with 404s. Update and install in one RUN (and remove \
            the lists there).
            """,
        triggering: ["FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y curl\n", "FROM alpine:3.20\nRUN apk update\n",
                     "FROM debian:12-slim\nRUN apt-get update && echo updated\n",
                     "FROM debian:12-slim\nRUN --mount=type=cache,target=/var/lib/apt apt-get update\nRUN apt-get install -y curl\n"],
        passing: ["FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl\n", "FROM fedora:41\nRUN dnf makecache && dnf install -y git\n"])

    func check(_ context: LintContext) -> [Finding] {
        context.allSteps.compactMap { step -> Finding? in
            guard let commands = PackageCommands(step), case let refreshes = commands.refreshesWithoutInstalling, !refreshes.isEmpty else { return nil }
            let text = refreshes.map { ([$0.program] + $0.arguments).joined(separator: " ") }.joined(separator: " && ")
            // With a cache or tmpfs mount on the index, no layer gets the lists, and no later RUN sees them.
            let mounted = refreshes.contains { refresh in refresh.manager.indexDirectory.map(commands.mounts(covering:)) ?? false }
            let message = mounted
                ? "`\(text)` writes its package lists to a mount that later RUNs do not see; update and install in the same RUN"
                : "`\(text)` alone makes a layer of package lists that goes stale; update and install in the same RUN"
            return context.finding(Self.meta, at: step.instruction.span, message)
        }
    }

}
