import BuildContext
import DockerfileSyntax

/// A credential found in the build context, by file name or content.
public struct ContextSecret: Sendable {
    public var path: String
    public var line: Int
    public var title: String
    /// The masked value, or nil when the file name alone gives it away.
    public var masked: String?

    /// `(environment file)` or `holds a credential at line 3: AWS access key ID AKIA… (20 characters)`.
    public var description: String {
        guard let masked else { return "(\(title))" }
        return "holds a credential at line \(line): \(title) \(masked)"
    }
}

/// What a context rule can ask: the Dockerfile's stages, the context snapshot, what each COPY takes.
public struct ContextCheckContext: Sendable {
    public var dockerfile: SourceFile?
    public var graph: BuildGraph?
    public var snapshot: ContextSnapshot
    public var copies: [CopyResolution]
    public var configuration: Configuration
    public var secrets: [ContextSecret]
    /// For each copied file, the first COPY/ADD that carries it into a stage.
    public var carriers: [String: CopyResolution]
    /// Every directory that sends something, sorted.
    public var directoryPaths: [String]

    public init(dockerfile: SourceFile?, graph: BuildGraph?, snapshot: ContextSnapshot, copies: [CopyResolution],
                configuration: Configuration, secrets: [ContextSecret]) {
        self.dockerfile = dockerfile
        self.graph = graph
        self.snapshot = snapshot
        self.copies = copies
        self.configuration = configuration
        self.secrets = secrets
        var carriers: [String: CopyResolution] = [:]
        for copy in copies where graph?.stages[copy.stageIndex].shipsLayers ?? true {
            for file in copy.files where carriers[file.path] == nil { carriers[file.path] = copy }
        }
        self.carriers = carriers
        self.directoryPaths = NamedDirectories.all(in: snapshot)
    }

    /// The context path joined with a relative one, as findings name files on disk.
    public func diskPath(_ relative: String) -> String { snapshot.diskPath(relative) }

    public func option(_ name: String, of meta: RuleMeta) -> Int { configuration.option(name, of: meta) }

    /// A finding at a COPY/ADD instruction of the Dockerfile.
    public func finding(_ meta: RuleMeta, at copy: CopyResolution, path: String?, _ message: String) -> Finding {
        let range = dockerfile.map { $0.range(of: copy.step.instruction.span) } ?? .line(copy.step.instruction.startLine)
        return Finding(rule: meta, message: message, file: dockerfile?.path ?? "Dockerfile", range: range, path: path)
    }

    /// A finding on a context file, at `line` of it.
    /// A finding about a file or folder of the context; `line` only when it is about one (a secret's).
    public func finding(_ meta: RuleMeta, path: String, line: Int? = nil, _ message: String) -> Finding {
        Finding(rule: meta, message: message, file: diskPath(path), range: line.map { .line($0) } ?? .noLine, path: path)
    }

    /// At the COPY that carries `path` into the image when there is one, otherwise on the file itself.
    public func findingCarried(_ meta: RuleMeta, path: String, sent: String, copied: (CopyResolution) -> String) -> Finding {
        if let copy = carriers[path] ?? directoryCarrier(path) {
            return finding(meta, at: copy, path: path, copied(copy))
        }
        return finding(meta, path: path, sent)
    }

    /// The COPY that carries any file below `directory`.
    private func directoryCarrier(_ directory: String) -> CopyResolution? {
        snapshot.files(under: directory).lazy.compactMap { carriers[$0.path] }.first
    }

    /// Whether some RUN in a stage that ships layers runs one of `programs` (with one of `subcommands`).
    public func runs(_ programs: [String], subcommand: [String]? = nil) -> Bool {
        guard let graph else { return false }
        return graph.stages.contains { stage in
            stage.steps.contains { step in
                step.script?.commands.contains { $0.invokes(programs, subcommand: subcommand) } ?? false
            }
        }
    }
}

extension CopyResolution {
    /// `COPY src /app` as the message names it (as written, flags included).
    public var label: String { "`\(step.instruction.keyword) \(step.instruction.rest.value)`" }
}
