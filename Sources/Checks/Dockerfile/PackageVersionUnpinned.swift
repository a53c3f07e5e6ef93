import DockerfileSyntax

struct PackageVersionUnpinned: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD049", name: "package-version-unpinned", severity: .warning,
        aliases: ["DL3008", "DL3013", "DL3016", "DL3018", "DL3028", "DL3062", "DL3033", "DL3037", "DL3041"],
        title: "Packages installed without a version",
        why: """
            `apt-get install curl`, `apk add curl`, `pip install flask`, `npm install -g serve`, `gem install \
            rails` and `go install x@latest` install whatever is newest when the layer is built, so two \
            builds of the same Dockerfile can differ. Pin versions (`curl=7.88.1-10+deb12u8`, `flask==3.0.3`, \
            `serve@14.2.4`) or install from a lock file. Opt-in, as in hadolint's practice: many teams \
            deliberately take the distribution's current security updates instead.
            """,
        triggering: ["FROM debian:12-slim\nRUN apt-get install -y curl=7.88.1-10 git\n", "FROM python:3.12-slim\nRUN pip install flask requests==2.32.3\n",
                     "FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@latest\n", "FROM golang:1.16\nRUN go get golang.org/x/lint/golint\n",
                     "FROM rockylinux:9\nRUN dnf install -y git && dnf clean all\n"],
        passing: ["FROM debian:12-slim\nRUN apt-get install -y curl=7.88.1-10\n", "FROM python:3.12-slim\nRUN pip install -r requirements.txt\n",
                  "FROM node:22-slim\nRUN npm ci && npm install -g serve@14.2.4\n", "FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r1\n",
                  "FROM rockylinux:9\nRUN dnf install -y git-2.43.5 && dnf clean all\n"],
        exampleConfiguration: "enable: [package-version-unpinned]\n", isOptIn: true)

    func check(_ context: LintContext) -> [Finding] {
        context.allSteps.compactMap { step -> Finding? in
            for command in PackageCommands(step)?.commands ?? [] where command.action == .install {
                let unpinned = Self.unpinned(command)
                if let first = unpinned.first {
                    let more = unpinned.count > 1 ? " and \(unpinned.count - 1) more" : ""
                    return context.finding(Self.meta, at: step.instruction.span, "`\(first)`\(more) installed without a version; pin it")
                }
            }
            return nil
        }
    }

    /// Package arguments of an install that name no version.
    static func unpinned(_ install: PackageManagerCommand) -> [String] {
        let operands = install.operands
        let command = install.command
        /// Non-option arguments after the subcommand, leaving out the values of `valueOptions`.
        func packages(skipping valueOptions: Set<String>) -> [String] {
            var result: [String] = []
            var skipNext = false
            var seenSubcommand = false
            for argument in install.arguments {
                if skipNext { skipNext = false; continue }
                if valueOptions.contains(argument) { skipNext = true; continue }
                if argument.hasPrefix("-") || argument.contains("$") { continue }
                if !seenSubcommand { seenSubcommand = true; continue }
                result.append(argument)
            }
            return result
        }
        if install.manager == .apt {
            return packages(skipping: ["-o", "-t", "--target-release"]).filter { !$0.contains("=") && !$0.hasSuffix(".deb") && !$0.hasPrefix("/") && !$0.hasPrefix(".") }
        }
        if install.manager == .apk {
            return packages(skipping: ["--virtual", "-t", "--repository", "-X"]).filter { !$0.contains("=") && !$0.contains(">") && !$0.contains("<") && !$0.hasPrefix(".") }
        }
        if install.manager == .pip {
            return packages(skipping: ["-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url", "--extra-index-url", "-f", "--find-links", "--target", "-t"])
                .filter { package in
                    !["==", ">=", "<=", "~=", "!=", "@", ">", "<"].contains(where: package.contains) && !package.hasPrefix(".") && !package.hasPrefix("/")
                        && !package.contains(text: "://") && !package.hasSuffix(".whl") && !package.hasSuffix(".tar.gz")
                }
        }
        if install.manager == .npm {
            return operands.filter { package in
                let versionAt = package.hasPrefix("@") ? package.dropFirst().contains("@") : package.contains("@")
                return !versionAt && !package.hasPrefix(".") && !package.hasPrefix("/") && !package.contains(text: "://")
            }
        }
        if install.manager == .dnf || install.manager == .zypper {
            // `httpd-2.4.57` or `git = 2.43` style pins: a dash or `=` followed by a digit.
            return packages(skipping: ["--repo", "--enablerepo", "--disablerepo", "-r", "--setopt", "-c", "--config", "--installroot", "--releasever", "-x", "--exclude"]).filter { package in
                let characters = Array(package)
                return !zip(characters, characters.dropFirst()).contains { ($0 == "-" || $0 == "=") && $1.isNumber } && !package.hasSuffix(".rpm")
            }
        }
        if install.manager == .gem, !command.hasOption("-v"), !command.hasOption("--version") {
            return operands.filter { !$0.contains(":") && !$0.hasSuffix(".gem") }
        }
        if install.manager == .go {
            return operands.filter { !$0.contains("@") || $0.hasSuffix("@latest") }.filter { !$0.hasPrefix(".") }
        }
        return []
    }
}
