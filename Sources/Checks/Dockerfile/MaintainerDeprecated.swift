import DockerfileSyntax

struct MaintainerDeprecated: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD021", name: "maintainer-deprecated", severity: .warning, aliases: ["DL4000", "DS-0022", "CKV_DOCKER_6"],
        title: "MAINTAINER is deprecated",
        why: "MAINTAINER has been deprecated since Docker 1.13; a label is queryable with the rest of the image metadata. Use `LABEL org.opencontainers.image.authors=\"…\"`.",
        triggering: ["FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\n", "FROM alpine:3.20\nmaintainer ops@example.com\n"],
        passing: ["FROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"Jane Doe <jane@example.com>\"\n", "FROM alpine:3.20\nLABEL maintainer=ops@example.com\n"],
        fix: .safe)

    func check(_ context: LintContext) -> [Finding] {
        context.allSteps.compactMap { step -> Finding? in
            guard step.instruction.kind == .maintainer else { return nil }
            let author = step.instruction.rest.value.replacingQuotes()
            let fix = Fix(Self.meta, description: "Replace MAINTAINER with an OCI authors label",
                          edits: [context.edit(SourceSpan(start: step.instruction.keywordSpan.start, end: step.instruction.rest.span.end),
                                               "LABEL org.opencontainers.image.authors=\"\(author)\"")])
            return context.finding(Self.meta, at: step.instruction.keywordSpan, "MAINTAINER is deprecated; use `LABEL org.opencontainers.image.authors=\"\(author)\"`", fix: fix)
        }
    }
}

private extension String {
    func replacingQuotes() -> String {
        String(unicodeScalars.map { $0 == "\"" ? "'" : Character($0) })
    }
}
