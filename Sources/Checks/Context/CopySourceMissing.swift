import BuildContext
/// The practice: a build that works.
struct CopySourceMissing: ContextRule {
    static let meta = RuleMeta(
        id: "PC010", name: "copy-source-missing", severity: .error,
        title: "COPY names a path that is not in the context",
        why: """
            No file or directory in the build context matches this source, so `docker build` stops with \
            "not found". Paths in COPY and ADD are relative to the context directory, not to the \
            Dockerfile, and `..` cannot leave the context.
            """,
        triggering: [
            "== Dockerfile ==\nFROM alpine:3.20\nCOPY missing.txt /srv/\n",
            "== Dockerfile ==\nFROM eclipse-temurin:21-jre\nCOPY target/*.jar /app.jar\n== src/Main.java ==\nclass Main {}\n",
        ],
        passing: [
            "== Dockerfile ==\nFROM alpine:3.20\nCOPY present.txt /srv/\n== present.txt ==\nok\n",
            "== Dockerfile ==\nFROM alpine:3.20 AS build\nFROM alpine:3.20\nCOPY --from=build /etc/os-release /srv/\n",
        ])

    func check(_ context: ContextCheckContext) -> [Finding] {
        context.copies.flatMap { copy in
            copy.unmatched.filter { !$0.ignored }.map { unmatched in
                context.finding(Self.meta, at: copy, path: unmatched.source,
                                "\(copy.label): nothing in the build context matches `\(unmatched.source)`; the build will fail")
            }
        }
    }
}
