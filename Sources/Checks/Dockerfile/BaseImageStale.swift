import DockerfileSyntax
import HostSystem

struct BaseImageStale: DockerfileRule {
    static let pinned = "sha256:" + String(repeating: "a1", count: 32)
    static let current = "sha256:" + String(repeating: "b2", count: 32)

    static let meta = RuleMeta(
        id: "PD060", name: "base-image-stale", severity: .warning,
        title: "Base image pinned to a digest its tag has moved on from",
        why: """
            A digest pin makes a build reproducible, and also freezes it: `node:20-alpine` is rebuilt \
            for every security fix, and a digest pinned in March misses all of them. With `--online` the \
            registry is asked what the tag points at now; when that is another image, the finding says \
            how much older the pinned one is (from both configs' `created` dates) and the fix moves the pin.
            """,
        triggering: ["FROM node:20-alpine@\(pinned)\n", "FROM python:3.12-slim@\(pinned) AS build\nFROM build\n"],
        passing: ["FROM node:20-alpine@\(current)\n", "FROM node:20-alpine\n"],
        fix: .unsafe(because: "the build moves to the image the tag points at now, with other package versions"),
        exampleBaseImages: [
            "node:20-alpine@\(pinned)": BaseImageStatus(state: .pinnedStale, reference: "docker.io/library/node:20-alpine", pinned: pinned,
                                                        current: current, pinnedCreated: "2026-03-02T10:00:00Z",
                                                        currentCreated: "2026-11-20T08:00:00Z"),
            "python:3.12-slim@\(pinned)": BaseImageStatus(state: .pinnedStale, reference: "docker.io/library/python:3.12-slim",
                                                          pinned: pinned, current: current),
            "node:20-alpine@\(current)": BaseImageStatus(state: .pinnedCurrent, reference: "docker.io/library/node:20-alpine",
                                                         pinned: current, current: current),
        ])

    func check(_ context: LintContext) -> [Finding] {
        context.graph.stages.compactMap { stage in
            guard let status = context.baseImages[stage.baseName], status.state == .pinnedStale,
                  let pinned = status.pinned, let current = status.current else { return nil }
            let argument = stage.from.arguments.first
            var message = "`\(stage.baseName)` is no longer what `\(status.reference)` points at"
            if let age = Self.age(status) { message += ": the pinned image is \(age)" }
            message += "; it now points at \(current)"
            var fix: Fix?
            if let at = stage.baseName.lastIndex(of: "@"), stage.baseName[stage.baseName.index(after: at)...] == pinned,
               let edit = context.baseNameEdit(stage, to: stage.baseName[..<at] + "@" + current) {
                fix = Fix(Self.meta, description: "pin the digest the tag points at now", edits: [edit])
            }
            return context.finding(Self.meta, at: argument?.span ?? stage.from.span, message, fix: fix)
        }
    }

    /// `created 2026-03-02, 263 days before the current one (2026-11-20)`, when both dates are known.
    static func age(_ status: BaseImageStatus) -> String? {
        guard let pinnedDate = status.pinnedCreated.map({ String($0.prefix(10)) }), let currentDate = status.currentCreated.map({ String($0.prefix(10)) }),
              let pinnedDay = CivilDate.days(pinnedDate), let currentDay = CivilDate.days(currentDate) else { return nil }
        let days = currentDay - pinnedDay
        return "created \(pinnedDate), \(days) \(days == 1 ? "day" : "days") before the current one (\(currentDate))"
    }
}
