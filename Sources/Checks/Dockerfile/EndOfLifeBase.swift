import HostSystem
import DockerfileSyntax

struct EndOfLifeBase: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD050", name: "end-of-life-base", severity: .warning,
        title: "The base image is an end-of-life release",
        why: """
            Once a distribution or language release is out of support, nobody publishes security fixes \
            for it: every vulnerability found from then on stays in the image. The rule knows the support \
            dates of Debian, Ubuntu, Alpine, CentOS, RHEL/UBI, Fedora, Amazon Linux, Rocky, Alma, Oracle \
            Linux, Node, Python, Ruby, PHP, Go, Eclipse Temurin and OpenJDK (endoflife.date data), reads \
            compound tags (`node:18-bullseye-slim` is Node 18 and Debian 11) and codenames, and warns once \
            no free security support remains; while only extended or LTS support remains, or within 90 \
            days of the end, it informs.
            """,
        triggering: ["FROM node:16-bullseye-slim\n", "FROM debian:buster-slim\n", "FROM python:3.7-alpine3.18 AS app\n"],
        passing: ["FROM node:24-trixie-slim\n", "FROM debian:13-slim\n", "FROM python:3.13-slim\n", "FROM node:lts-slim\n"])

    func check(_ context: LintContext) -> [Finding] {
        context.graph.stages.filter(\.reachesFinalImage).flatMap { stage -> [Finding] in
            guard case .image(let reference) = stage.base else { return [] }
            let span = stage.from.arguments.first?.span ?? stage.from.span
            return BaseImageReleases.releases(of: reference).compactMap { release in
                guard let (severity, status) = Self.status(release, today: context.today) else { return nil }
                var finding = context.finding(Self.meta, at: span, "`\(stage.baseName)`: \(Self.name(release)) \(status)\(Self.suggestion(release, today: context.today))")
                finding.severity = severity
                return finding
            }
        }
    }

    static func name(_ release: EndOfLifeRelease) -> String {
        let alias = release.aliases.first.map { " (\($0))" } ?? ""
        return "\(release.product) \(release.release)\(alias)"
    }

    /// warning: no free security support left; info: only extended support left, or the end is within 90 days.
    static func status(_ release: EndOfLifeRelease, today: Int) -> (Severity, String)? {
        if release.eol == "true" { return (.warning, "is end-of-life") }
        guard let eol = CivilDate.days(release.eol) else { return nil }
        let freeEnd = CivilDate.days(release.freeSupportEnd) ?? eol
        if today > freeEnd {
            let extended = release.extendedEOL.map { release.product == "debian" ? " and Debian LTS ended \($0)" : "; only paid extended support remains (until \($0))" } ?? ""
            return (.warning, "reached end of security support on \(release.eol)\(extended)")
        }
        if today > eol { return (.info, "is past regular support (\(release.eol)); only LTS remains, until \(release.freeSupportEnd)") }
        if eol - today <= 90 { return (.info, "reaches end of support on \(release.eol), in \(eol - today) days") }
        return nil
    }

    /// The newest release of the same product that is still supported.
    static func suggestion(_ release: EndOfLifeRelease, today: Int) -> String {
        let supported = EndOfLifeData.releases(of: release.product).filter { candidate in
            candidate.eol == "false" || (CivilDate.days(candidate.eol).map { $0 - today > 90 } ?? false)
        }
        guard let newest = supported.first else { return "" }
        return "; move to \(release.product) \(newest.release)"
    }
}
