import DockerfileSyntax

struct MultipleHealthcheck: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD024", name: "multiple-healthcheck", severity: .error, aliases: ["DL3012", "DS-0023"],
        title: "More than one HEALTHCHECK in a stage",
        why: "Only the last HEALTHCHECK of a stage takes effect; an earlier one never runs, and readers are misled about how the container is probed.",
        triggering: ["FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/\nHEALTHCHECK CMD wget -q -O- http://localhost/\n",
                     "FROM nginx:1.27\nHEALTHCHECK NONE\nHEALTHCHECK CMD true\n"],
        passing: ["FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/\n", "FROM nginx:1.27 AS a\nHEALTHCHECK NONE\nFROM nginx:1.27\nHEALTHCHECK CMD true\n"])

    func check(_ context: LintContext) -> [Finding] { RepeatedInstruction.findings(.healthcheck, meta: Self.meta, in: context) }
}
