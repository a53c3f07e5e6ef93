import DockerfileSyntax

struct TLSVerificationDisabled: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD043", name: "tls-verification-disabled", severity: .error,
        aliases: ["CKV2_DOCKER_2", "CKV2_DOCKER_3", "CKV2_DOCKER_4", "CKV2_DOCKER_5", "CKV2_DOCKER_6", "CKV2_DOCKER_7", "CKV2_DOCKER_8",
                  "CKV2_DOCKER_9", "CKV2_DOCKER_10", "CKV2_DOCKER_11", "CKV2_DOCKER_12", "CKV2_DOCKER_13", "CKV2_DOCKER_14",
                  "CKV2_DOCKER_15", "CKV2_DOCKER_16", "CKV2_DOCKER_18"],
        title: "TLS or signature verification is turned off",
        why: """
            `curl -k`, `wget --no-check-certificate`, `pip --trusted-host` (or `PIP_TRUSTED_HOST`), \
            `apk --allow-untrusted`, `apt-get --allow-unauthenticated` or `--force-yes`, `--nogpgcheck`, \
            `rpm --nosignature`, `yum-config-manager --setopt=sslverify=0`, `npm config set strict-ssl false`, \
            `git -c http.sslVerify=false`, `GIT_SSL_NO_VERIFY`, `GOINSECURE`, `NODE_TLS_REJECT_UNAUTHORIZED=0` or \
            `PYTHONHTTPSVERIFY=0` let anyone on the network path replace what the build downloads. Fix the CA bundle or the mirror instead; set in \
            ENV, the setting also weakens the running container.
            """,
        triggering: ["FROM debian:12-slim\nRUN curl -k -o /tmp/a https://example.com/a\n", "FROM node:22-slim\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n",
                     "FROM python:3.12-slim\nRUN pip install --trusted-host pypi.example.com flask\n",
                     "FROM debian:13-slim\nRUN apt-get install -y --allow-unauthenticated curl\n",
                     "FROM golang:1.23\nENV GOINSECURE=git.example.com\n",
                     "FROM rockylinux:9\nRUN dnf config-manager --setopt=internal.sslverify=false --save\n"],
        passing: ["FROM debian:12-slim\nRUN curl -fsSLo /tmp/a https://example.com/a\n", "FROM node:22-slim\nENV NODE_ENV=production\n",
                  "FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt\n", "FROM fedora:41\nRUN dnf install -y git && dnf clean all\n",
                  "FROM node:22-slim\nRUN npm ci\n", "FROM rockylinux:9\nRUN dnf config-manager --setopt=internal.sslverify=1 --save\n",
                  "FROM golang:1.23\nENV GOPRIVATE=git.example.com\n"])

    static let variables: [String: Set<String>] = [
        "NODE_TLS_REJECT_UNAUTHORIZED": ["0"], "PYTHONHTTPSVERIFY": ["0"], "GIT_SSL_NO_VERIFY": ["1", "true", "yes"],
        "CURL_CA_BUNDLE": [""], "REQUESTS_CA_BUNDLE": [""], "NPM_CONFIG_STRICT_SSL": ["false"],
    ]
    /// Variables that turn verification off for the hosts they name, whatever the value.
    static let hostVariables: Set<String> = ["PIP_TRUSTED_HOST", "GOINSECURE"]

    static func disables(variable key: String, value: String) -> Bool {
        Self.variables[key]?.contains(value.lowercased()) == true || (Self.hostVariables.contains(key) && !value.isEmpty)
    }

    func check(_ context: LintContext) -> [Finding] {
        context.allSteps.compactMap { step -> Finding? in
            for (key, value) in step.assignedVariables where Self.disables(variable: key, value: value) {
                return context.finding(Self.meta, at: step.instruction.span, "`\(key)=\(value)` turns off TLS verification")
            }
            guard let script = step.script else { return nil }
            for command in script.commands {
                if let reason = Self.disables(command) {
                    return context.finding(Self.meta, at: step.instruction.span, "\(reason) turns off verification of what is downloaded")
                }
                for assignment in command.assignments {
                    let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
                    if parts.count == 2, Self.disables(variable: parts[0], value: parts[1]) {
                        return context.finding(Self.meta, at: step.instruction.span, "`\(assignment)` turns off TLS verification")
                    }
                }
            }
            return nil
        }
    }

    static func disables(_ command: ShellCommand) -> String? {
        // One condition per program: a `case "a", "b" where …` would attach the condition to "b" only.
        let program = command.program ?? ""
        if program == "curl", command.hasOption("-k") || command.hasOption("--insecure") { return "`curl -k`" }
        if program == "wget", command.hasOption("--no-check-certificate") { return "`wget --no-check-certificate`" }
        if ["pip", "pip3"].contains(program), command.hasOption("--trusted-host") { return "`pip --trusted-host`" }
        if program == "apk", command.hasOption("--allow-untrusted") { return "`apk --allow-untrusted`" }
        if ["apt-get", "apt"].contains(program), command.hasOption("--allow-unauthenticated") { return "`apt-get --allow-unauthenticated`" }
        if ["apt-get", "apt"].contains(program), command.hasOption("--force-yes") { return "`apt-get --force-yes`" }
        if program == "rpm", let option = ["--nosignature", "--nodigest", "--noverify", "--nofiledigest"].first(where: command.hasOption) {
            return "`rpm \(option)`"
        }
        if program == "yum-config-manager" || command.invokes(["yum", "dnf"], subcommand: ["config-manager"]),
           command.arguments.contains(where: Self.setsSSLVerifyOff) {
            return "`sslverify` off"
        }
        if ["yum", "dnf", "microdnf", "zypper"].contains(program), command.hasOption("--nogpgcheck") || command.hasOption("--no-gpg-checks") {
            return "`--nogpgcheck`"
        }
        if ["npm", "yarn"].contains(program), command.arguments.contains("strict-ssl"), command.arguments.contains("false") { return "`strict-ssl false`" }
        if program == "git", command.arguments.contains(where: { $0.lowercased() == "http.sslverify=false" }) { return "`http.sslVerify=false`" }
        return nil
    }

    /// `--setopt=sslverify=0` or `--setopt=<repo>.sslverify=false` (quotes already removed by the shell parser).
    static func setsSSLVerifyOff(_ argument: String) -> Bool {
        let lowered = argument.lowercased()
        guard lowered.hasPrefix("--setopt="), let equals = lowered.lastIndex(of: "=") else { return false }
        let key = lowered[lowered.index(lowered.startIndex, offsetBy: "--setopt=".count)..<equals]
        return (key == "sslverify" || key.hasSuffix(".sslverify")) && ["0", "false", "no"].contains(String(lowered[lowered.index(after: equals)...]))
    }
}
