import Checks
import DockerfileSyntax
import Testing

/// A Dockerfile rule and its history twin decide one practice through one model of package-manager
/// commands (`PackageCommands`), so the same RUN gets the same verdict from both.
@Suite struct PackageManagerPairTests {
    /// Dockerfile rule, its image-history twin.
    static let pairs = [("PD002", "PI020"), ("PD015", "PI019"), ("PD034", "PI016"), ("PD011", "PI017")]

    static let scripts = [
        "apt-get update",
        "apt-get update && echo done",
        "apt-get update && apt-get install -y curl",
        "apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*",
        "apt-get update && rm -rf /var/lib/apt/lists/* && apt-get install -y curl",
        "apt-get update && apt-get install -y curl && apt-get dist-clean",
        "apt-get update && apt-get install -y curl && apt-get clean",
        "sudo apt-get update && sudo apt-get install -y curl",
        "apk update",
        "apk add curl",
        "apk add --no-cache curl",
        "apk add curl && rm -rf /var/cache/apk/*",
        "rm -rf /var/cache/apk/* && apk add curl",
        "microdnf makecache",
        "dnf makecache && dnf install -y git && dnf clean all",
        "yum makecache",
        "zypper refresh",
        "zypper refresh && zypper install -y git && zypper clean --all",
        "set -eux; apt-get update; apt-get install -y curl; rm -rf /var/lib/apt/lists/*",
    ]

    static let cases = scripts.flatMap { script in pairs.map { (script, $0.0, $0.1) } }

    @Test(arguments: cases)
    func theDockerfileRuleAndItsHistoryTwinAgree(_ script: String, _ dockerfileRule: String, _ historyRule: String) throws {
        let dockerfile = Linter().lint(SourceFile(path: "Dockerfile", text: "FROM debian:12\nRUN \(script)\n"))
        let image = try ImageExampleRun("== layer: RUN /bin/sh -c \(script) # buildkit ==\nusr/bin/true (10 bytes)\n").report.findings
        let fromDockerfile = dockerfile.contains { $0.rule.id == dockerfileRule }
        let fromHistory = image.contains { $0.rule.id == historyRule }
        #expect(fromDockerfile == fromHistory, "\(dockerfileRule) says \(fromDockerfile), \(historyRule) says \(fromHistory) on `\(script)`")
    }

    @Test func theVerdictsThatOnceDisagreed() throws {
        func fires(_ rule: String, _ script: String) throws -> Bool {
            try ImageExampleRun("== layer: RUN /bin/sh -c \(script) # buildkit ==\nusr/bin/true (10 bytes)\n").report.findings.contains { $0.rule.id == rule }
        }
        #expect(try fires("PI016", "microdnf makecache"), "microdnf makecache refreshes alone, as PD034 always said")
        #expect(try !fires("PI019", "apk add curl && rm -rf /var/cache/apk/*"), "the cache is removed in the same RUN, as PD015 always said")
        #expect(try fires("PI019", "rm -rf /var/cache/apk/* && apk add curl"), "a removal before the install removes nothing")
        let alone = Linter().lint(SourceFile(path: "Dockerfile", text: "FROM debian:12\nRUN apt-get update && echo done\n"))
        #expect(alone.contains { $0.rule.id == "PD034" }, "an update with no install beside it goes stale, as PI016 always said")
    }

    @Test func cacheAndTmpfsMountsOfTheTargetOrAParentKeepFilesOutOfTheLayer() {
        func rules(_ text: String) -> Set<String> {
            Set(Linter().lint(SourceFile(path: "Dockerfile", text: text)).map(\.rule.id))
        }
        #expect(!rules("FROM debian:12\nRUN --mount=type=tmpfs,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n").contains("PD002"))
        #expect(!rules("FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y curl\n").contains("PD002"))
        #expect(rules("FROM debian:12\nRUN --mount=type=bind,target=/var/lib/apt apt-get update && apt-get install -y curl\n").contains("PD002"))
        #expect(!rules("FROM alpine:3.20\nRUN --mount=type=tmpfs,target=/var/cache apk add curl\n").contains("PD015"))
        #expect(!rules("FROM python:3.12\nRUN --mount=type=tmpfs,target=/root/.cache pip install flask\n").contains("PD029"))
        let later = "FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt apt-get update\nRUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n"
        #expect(!rules(later).contains("PD047"), "the lists went to the cache mount, so the later cleanup leaves no bytes behind")
        #expect(rules("FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n").contains("PD047"))
    }
}

/// The model itself: which manager, which action, which packages, what stays.
@Suite struct PackageCommandsTests {
    static func model(_ script: String) -> PackageCommands { PackageCommands(ShellParser.parse(script)) }

    @Test func managersActionsAndPackagesAreRead() {
        let commands = Self.model("sudo apt-get -o Dpkg::Options::=--force-confnew install -y curl=7.88 git && python3 -m pip install --no-cache-dir flask==3.0 && uv pip install rich && microdnf clean all && yarn --version && yarn").commands
        #expect(commands.map(\.manager) == [.apt, .pip, .pip, .dnf, .yarn, .yarn])
        #expect(commands.map(\.action) == [.install, .install, .install, .clean, .other, .install])
        #expect(commands[0].operands == ["curl=7.88", "git"] && commands[1].operands == ["flask==3.0"] && commands[2].operands == ["rich"])
        #expect(commands[0].program == "apt-get" && commands[1].program == "pip" && commands[3].program == "microdnf")
    }

    @Test func whatStaysInTheLayerAndWhatIsCleaned() {
        #expect(Self.model("apt-get update && apt-get install -y curl").leftInLayer.map(\.directory) == ["/var/lib/apt/lists"])
        #expect(Self.model("yum install -y git && yum clean all").leftInLayer.isEmpty)
        #expect(Self.model("dnf install -y git && yum clean all").leftInLayer.map(\.directory) == ["/var/cache/dnf"], "yum's clean does not empty dnf's cache")
        #expect(Self.model("pip install flask").leftInLayer.map(\.directory) == ["/root/.cache/pip"])
        #expect(Self.model("PIP_NO_CACHE_DIR=1 pip install flask").leftInLayer.isEmpty)
        #expect(Self.model("yarn install && yarn cache clean").leftInLayer.isEmpty)
        #expect(Self.model("zypper in -y git && zypper cc -a").leftInLayer.isEmpty)
        let mounted = PackageCommands(ShellParser.parse("apk add curl"), mounts: [MountOptions("type=cache,target=/var/cache/apk")])
        #expect(mounted.leftInLayer.isEmpty)
    }
}
