import Checks
import DockerfileSyntax
import Testing

/// Advice names something that exists and works on the base at hand: no `useradd` where there is
/// no shell, no registry dropped from a name (issue 19, advice that cannot be followed).
@Suite struct AdviceAcrossBasesTests {
    static func message(_ rule: String, _ text: String) -> String {
        Linter(today: RuleExampleTests.exampleDay).lint(SourceFile(path: "Dockerfile", text: text)).first { $0.rule.id == rule }?.message ?? "(no \(rule))"
    }

    @Test(arguments: [
        ("FROM scratch\nCOPY app /app\nENTRYPOINT [\"/app\"]\n", "add `USER 65532:65532`"),
        ("FROM gcr.io/distroless/static-debian12\nCOPY app /app\n", "add `USER nonroot`"),
        ("FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/base-debian12:latest\nCOPY --from=build /app /app\n", "add `USER nonroot`"),
        ("FROM alpine:3.20\nCOPY app /app\n", "add `RUN adduser -D -u 10001 app` then `USER app`"),
        ("FROM debian:12-slim\nCOPY app /app\n", "add `RUN useradd --create-home --uid 10001 app` then `USER app`"),
        ("FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nCOPY app /app\n", "add `RUN useradd --create-home --uid 10001 app` then `USER app`"),
        ("# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-Command\"]\nRUN Write-Host hi\n", "add `USER ContainerUser`"),
    ])
    func theUserAdviceFitsTheBase(_ text: String, _ advice: String) {
        let message = Self.message("PD003", text)
        #expect(message.hasSuffix(advice) || message.contains(advice + " ") || message.contains(advice + ","), "\(message)")
        #expect(message.filter { $0 == "`" }.count % 2 == 0, "unbalanced backticks: \(message)")
    }

    @Test(arguments: [
        ("FROM gcr.io/distroless/static-debian12\n", "`gcr.io/distroless/static-debian12:<version>`"),
        ("FROM registry.example.com:5000/team/base:latest\n", "`registry.example.com:5000/team/base:<version>`"),
        ("FROM node:latest\n", "`node:<version>`"),
        ("FROM library/redis\n", "`redis:<version>`"),
    ])
    func theTagAdviceKeepsTheRegistry(_ text: String, _ advice: String) {
        #expect(Self.message("PD006", text).contains(advice), "\(Self.message("PD006", text))")
    }

    /// The image rule's advice follows what the image holds: no shell, no `useradd`, whatever os-release says.
    @Test(arguments: [
        ("== layer: ADD file:rootfs in / ==\netc/os-release = ID=debian\\nVERSION_ID=\"12\"\nbin/sh (100 bytes)\n", "`RUN useradd --create-home --uid 10001 app`"),
        ("== layer: ADD file:rootfs in / ==\netc/os-release = ID=alpine\nbin/sh (100 bytes)\n", "`RUN adduser -D -u 10001 app`"),
        // distroless: a Debian os-release, and no shell.
        ("== layer: ADD file:rootfs in / ==\netc/os-release = ID=debian\\nVERSION_ID=\"12\"\nusr/bin/app (100 bytes)\n", "`USER 65532:65532`"),
        ("== layer: ADD file:rootfs in / ==\napp (100 bytes)\n", "`USER 65532:65532`"),
    ])
    func theImageUserAdviceFitsTheImage(_ example: String, _ advice: String) throws {
        let report = try ImageExampleRun(example)
        let message = report.report.findings.first { $0.rule.id == "PI011" }?.message ?? "(no PI011)"
        #expect(message.contains(advice), "\(message)")
    }

    /// ADD's advice quotes the source as written and pins git sources the way BuildKit does.
    @Test(arguments: [
        ("FROM alpine:3.20\nARG V\nADD https://example.com/download/v${V}/agent.jar /opt/\n", "`ADD https://example.com/download/v${V}/agent.jar` is not pinned"),
        ("FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#v0.14.0 /src\n", "pin the commit: `https://github.com/moby/buildkit.git#<commit>`"),
        ("FROM alpine:3.20\nADD git@github.com:moby/buildkit.git /src\n", "follows the default branch"),
    ])
    func theAddAdviceFitsTheSource(_ text: String, _ advice: String) {
        #expect(Self.message("PD045", text).contains(advice), "\(Self.message("PD045", text))")
        #expect(!Self.message("PD045", text).contains("--checksum=sha256") || !text.contains(".git"))
    }
}
