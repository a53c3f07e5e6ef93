import BuildContext
import Checks
import DockerfileSyntax

/// The `context` section of the JSON document: what is sent and what each COPY/ADD takes.
enum ContextJSON {
    static func render(_ report: ContextReport) -> JSONValue {
        let snapshot = report.snapshot
        return .object([
            ("root", .string(snapshot.root)),
            ("dockerignore", snapshot.ignoreFile.map(JSONValue.string) ?? .null),
            ("fileCount", .number(snapshot.files.count)),
            ("totalBytes", .number(Int(snapshot.totalBytes))),
            ("files", .array(snapshot.files.map { entry in
                var members: [(String, JSONValue)] = [("path", .string(entry.path)), ("size", .number(Int(entry.size)))]
                if entry.kind != .file { members.append(("type", .string(entry.kind.rawValue))) }
                if let target = entry.linkTarget { members.append(("linkTarget", .string(target))) }
                return .object(members)
            })),
            ("copies", .array(report.copies.map { copy in
                .object([
                    ("file", .string(report.dockerfilePath ?? "Dockerfile")),
                    ("line", .number(copy.step.instruction.startLine)),
                    ("instruction", .string(copy.step.instruction.keyword.uppercased() + " " + copy.step.instruction.rest.value)),
                    ("fileCount", .number(copy.files.count)),
                    ("totalBytes", .number(Int(copy.totalBytes))),
                ])
            })),
            ("problems", .array(snapshot.problems.map { .object([("path", .string($0.path)), ("message", .string($0.message))]) })),
        ])
    }
}
