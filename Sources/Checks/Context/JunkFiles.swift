import BuildContext
/// The practice: nothing the image does not need.
struct JunkFiles: ContextRule {
    static let meta = RuleMeta(
        id: "PC006", name: "junk-files", severity: .info,
        title: "Logs, editor swap files or OS junk are sent",
        why: """
            Log files, editor backups (`*.swp`, `*~`) and operating-system files (`.DS_Store`, `Thumbs.db`) \
            change all the time, so sending them invalidates the build cache, and a broad COPY ships them \
            in the image. List them in `.dockerignore`.
            """,
        triggering: [
            "== Dockerfile ==\nFROM alpine:3.20\nCOPY . /srv\n== logs/app.log ==\nstarted\n",
            "== Dockerfile ==\nFROM alpine:3.20\nCOPY app /srv\n== app/run.sh ==\necho\n== .DS_Store ==\nx\n",
        ],
        passing: [
            "== Dockerfile ==\nFROM alpine:3.20\nCOPY . /srv\n== .dockerignore ==\n**/*.log\n== logs/app.log ==\nstarted\n",
            "== Dockerfile ==\nFROM alpine:3.20\nCOPY . /srv\n== run.sh ==\necho\n",
        ])

    enum Kind: String, CaseIterable {
        case logs = "log files", editor = "editor backup files", system = "OS metadata files"

        static func of(_ path: String) -> Kind? {
            let bytes = path.utf8
            if bytes.last == UInt8(ascii: "~") { return .editor }
            // Every other kind ends in a letter with a dot or name a few bytes before it; look at the tail only.
            let tail = String(decoding: bytes.suffix(12), as: UTF8.self).lowercased()
            if tail.hasSuffix(".log") { return .logs }
            if tail.hasSuffix(".swp") || tail.hasSuffix(".swo") { return .editor }
            for name in ["/.ds_store", "/thumbs.db", "/desktop.ini"] where ("/" + tail).hasSuffix(name) {
                let fileName = path.split(separator: "/").last.map { $0.lowercased() } ?? ""
                if "/" + fileName == name { return .system }
            }
            return nil
        }
    }

    func check(_ context: ContextCheckContext) -> [Finding] {
        var groups: [Kind: [String]] = [:]
        var bytes: [Kind: Int64] = [:]
        for file in context.snapshot.files {
            guard let kind = Kind.of(file.path) else { continue }
            groups[kind, default: []].append(file.path)
            bytes[kind, default: 0] += file.size
        }
        return Kind.allCases.compactMap { kind in
            guard let paths = groups[kind], let first = paths.first else { return nil }
            let subject = paths.count == 1 ? "`\(first)`" : "\(paths.count) \(kind.rawValue) (\(ByteSize.format(bytes[kind] ?? 0)))"
            let example = paths.count == 1 ? "" : ", e.g. `\(first)`"
            return context.findingCarried(
                Self.meta, path: first,
                sent: "\(subject) \(paths.count == 1 ? "is" : "are") sent to the builder\(example); add a pattern to .dockerignore",
                copied: { "\($0.label) copies \(subject) into the image\(example); add a pattern to .dockerignore" })
        }
    }
}
