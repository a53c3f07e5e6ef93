/// The stages of a Dockerfile after BuildKit's ARG/ENV scoping, `--build-arg` overrides and
/// `--target`: which stage is final, what each stage starts from and copies from.
public struct BuildGraph: Sendable {
    public var dockerfile: Dockerfile
    public var options: BuildOptions
    /// ARG instructions before the first FROM, with their resolved values.
    public var globalArguments: [String: String]
    public var stages: [Stage]
    public var finalStageIndex: Int?
    /// What BuildKit would reject when turning the syntax tree into build instructions.
    public var problems: [DockerfileSyntaxError]

    public var finalStage: Stage? { finalStageIndex.map { stages[$0] } }

    public init(_ dockerfile: Dockerfile, options: BuildOptions = BuildOptions()) {
        var builder = BuildGraphBuilder(dockerfile: dockerfile, options: options)
        builder.build()
        self.dockerfile = dockerfile
        self.options = options
        self.globalArguments = builder.globalArguments
        self.stages = builder.stages
        self.finalStageIndex = builder.finalStageIndex
        self.problems = builder.problems
    }

    /// `stage` and the stages it is built FROM, nearest first; the last is built on an image,
    /// scratch or an unresolved name. A FROM can only name an earlier stage, so the chain ends.
    public func lineage(of stage: Stage) -> [Stage] {
        var chain = [stage]
        while case .stage(let parent) = chain[chain.count - 1].base, parent < chain[chain.count - 1].index {
            chain.append(stages[parent])
        }
        return chain
    }

    /// The stage a `--from` value or FROM name refers to.
    public func stageIndex(named reference: String) -> Int? {
        BuildGraphBuilder.stageIndex(named: reference, in: stages)
    }
}

struct BuildGraphBuilder {
    let dockerfile: Dockerfile
    let options: BuildOptions
    let expander: VariableExpander
    var globalArguments: [String: String] = [:]
    var stages: [Stage] = []
    var finalStageIndex: Int?
    var problems: [DockerfileSyntaxError] = []
    /// ENV values at the end of each stage, inherited by stages built on it.
    private var stageEnvironments: [[String: String]] = []
    private var stageShells: [[String]] = []

    init(dockerfile: Dockerfile, options: BuildOptions) {
        self.dockerfile = dockerfile
        self.options = options
        self.expander = VariableExpander(escapeToken: dockerfile.escapeToken)
    }

    static let defaultShell = ["/bin/sh", "-c"]
    static let windowsShell = ["cmd", "/S", "/C"]

    static func stageIndex(named reference: String, in stages: [Stage]) -> Int? {
        let lowered = reference.lowercased()
        if let index = stages.firstIndex(where: { $0.name == lowered }) { return index }
        if let number = Int(reference), number >= 0, number < stages.count { return number }
        return nil
    }

    private mutating func problem(_ message: String, _ instruction: Instruction) {
        problems.append(DockerfileSyntaxError(message, line: instruction.startLine, endLine: instruction.endLine))
    }

    mutating func build() {
        var arguments: [String: String] = [:]
        var environment: [String: String] = [:]
        var shell = Self.defaultShell
        for instruction in dockerfile.instructions {
            validate(instruction)
            if instruction.kind == .from {
                if !stages.isEmpty { closeStage(environment: environment, shell: shell) }
                (arguments, environment, shell) = openStage(instruction)
                continue
            }
            guard !stages.isEmpty else {
                if instruction.kind == .arg {
                    var scope = globalArguments
                    declareArguments(instruction, into: &scope, environment: [:], global: true)
                    globalArguments = scope
                } else if instruction.kind != .unknown {
                    problem("no build stage in current context", instruction)
                }
                continue
            }
            let variables = arguments.merging(environment) { _, env in env }
            let step = makeStep(instruction, variables: variables, shell: shell, stage: stages.count - 1)
            switch instruction.kind {
            case .arg: declareArguments(instruction, into: &arguments, environment: environment, global: false)
            case .env:
                for (key, value) in step.expandedPairs { environment[key] = value }
            case .shell:
                if case .json(let items) = instruction.body { shell = items.map(\.value) }
            case .user:
                stages[stages.count - 1].user = step.expanded.first
            default: break
            }
            stages[stages.count - 1].steps.append(step)
        }
        if !stages.isEmpty { closeStage(environment: environment, shell: shell) }
        chooseFinalStage()
    }

    private mutating func openStage(_ from: Instruction) -> ([String: String], [String: String], [String]) {
        let values = from.arguments.map(\.value)
        let variables = options.automaticArguments.merging(globalArguments) { _, declared in declared }
        let expansion = expander.expand(values.first ?? "", variables: variables)
        let baseName = expansion.value
        var name: String?
        if values.count == 3, values[1].lowercased() == "as" { name = values[2].lowercased() }
        let platform = from.flag(named: "platform")?.value.map { expander.expand($0, variables: variables).value }

        let base: StageBase
        if baseName.lowercased() == "scratch" {
            base = .scratch
        } else if let index = stages.firstIndex(where: { $0.name == baseName.lowercased() }) {
            base = .stage(index)
        } else if let reference = ImageReference(baseName) {
            base = .image(reference)
        } else {
            base = .unresolved(baseName)
        }
        var environment: [String: String] = [:]
        var shell = Self.defaultShell
        var user: String?
        if case .stage(let parent) = base {
            environment = stageEnvironments[parent]
            shell = stageShells[parent]
            user = stages[parent].user
        } else if case .image(let reference) = base, Self.isWindows(reference) {
            shell = Self.windowsShell
        }
        stages.append(Stage(
            index: stages.count, name: name, from: from, baseName: baseName, base: base, platform: platform, steps: [],
            copiesFrom: [], isFinal: false, reachesFinalImage: false, shipsLayers: false, user: user, unsetBaseVariables: expansion.unset))
        return ([:], environment, shell)
    }

    private static func isWindows(_ reference: ImageReference) -> Bool {
        let repository = reference.repository.lowercased()
        return repository.contains(text: "nanoserver") || repository.contains(text: "servercore") || repository.hasPrefix("windows/")
            || repository.contains(text: "/windows")
    }

    private mutating func closeStage(environment: [String: String], shell: [String]) {
        stageEnvironments.append(environment)
        stageShells.append(shell)
    }

    /// ARG scoping: a stage sees a global ARG only when it declares it again; `--build-arg` wins.
    private func declareArguments(_ instruction: Instruction, into scope: inout [String: String],
                                           environment: [String: String], global: Bool) {
        for word in instruction.arguments {
            let text = word.value
            let name: String
            var value: String?
            if let equals = text.firstIndex(of: "=") {
                name = String(text[..<equals])
                let variables = (global ? options.automaticArguments.merging(scope) { _, new in new } : scope)
                    .merging(environment) { _, env in env }
                value = expander.expand(String(text[text.index(after: equals)...]), variables: variables).value
            } else {
                name = text
                value = global ? nil : (globalArguments[name] ?? options.automaticArguments[name])
            }
            if let override = options.buildArguments[name] { value = override }
            if let value { scope[name] = value }
        }
    }

    private func makeStep(_ instruction: Instruction, variables: [String: String], shell: [String], stage: Int) -> Step {
        let expands = instruction.kind.expandsVariables
        var expanded: [String] = []
        if case .pairs(let pairs, _) = instruction.body {
            for pair in pairs {
                expanded.append(pair.key.value)
                expanded.append(expander.expand(pair.value.value, variables: variables).value)
            }
        } else {
            expanded = instruction.arguments.map { expands ? expander.expand($0.value, variables: variables).value : $0.value }
        }
        let flags = instruction.flags.map { flag in
            Flag(text: expander.expand(flag.text, variables: variables).value, span: flag.span)
        }
        var step = Step(instruction: instruction, expanded: expanded, expandedFlags: flags, shell: shell, script: nil)
        if instruction.kind == .run, step.usesPOSIXShell {
            step.script = RunScript.commands(of: instruction)
        }
        return step
    }

    private mutating func chooseFinalStage() {
        guard !stages.isEmpty else { return }
        var finalIndex = stages.count - 1
        if let target = options.target {
            if let index = stages.firstIndex(where: { $0.name == target.lowercased() }) {
                finalIndex = index
            } else {
                problems.append(DockerfileSyntaxError("target stage \"\(target)\" could not be found", line: 1))
            }
        }
        finalStageIndex = finalIndex
        stages[finalIndex].isFinal = true

        for index in stages.indices {
            var sources: [StageBase] = []
            for step in stages[index].steps {
                if step.instruction.kind == .copy || step.instruction.kind == .add, let from = step.expandedFlag(named: "from")?.value {
                    sources.append(reference(from, before: index))
                }
                if step.instruction.kind == .run {
                    for mount in step.expandedFlags where mount.name == "mount" {
                        if let from = MountOptions(mount.value ?? "").from { sources.append(reference(from, before: index)) }
                    }
                }
            }
            stages[index].copiesFrom = sources
        }
        var layerStage: Int? = finalIndex
        while let index = layerStage, !stages[index].shipsLayers {
            stages[index].shipsLayers = true
            if case .stage(let parent) = stages[index].base { layerStage = parent } else { layerStage = nil }
        }
        var pending = [finalIndex]
        while let index = pending.popLast() {
            guard !stages[index].reachesFinalImage else { continue }
            stages[index].reachesFinalImage = true
            if case .stage(let parent) = stages[index].base { pending.append(parent) }
            for case .stage(let source) in stages[index].copiesFrom { pending.append(source) }
        }
    }

    private func reference(_ name: String, before index: Int) -> StageBase {
        if let stage = Self.stageIndex(named: name, in: Array(stages[..<index])) { return .stage(stage) }
        if let image = ImageReference(name) { return .image(image) }
        return .unresolved(name)
    }

    // MARK: Validation (BuildKit's instructions.Parse)

    private mutating func validate(_ instruction: Instruction) {
        if instruction.kind == .unknown {
            problem("unknown instruction: \(instruction.keyword)", instruction)
            return
        }
        let allowed = instruction.kind.allowedFlags
        for flag in instruction.flags where !allowed.contains(flag.name) {
            problem("unknown flag: \(flag.name)", instruction)
        }
        let count = instruction.arguments.count
        let keyword = instruction.kind.rawValue.uppercased()
        switch instruction.kind {
        case .from:
            if !(count == 1 || (count == 3 && instruction.arguments[1].value.lowercased() == "as")) {
                problem("FROM requires either one or three arguments", instruction)
            }
        case .add, .copy:
            if count < 2 { problem("\(keyword) requires at least two arguments, but only one was provided. Destination could not be determined", instruction) }
        case .env, .label, .expose, .volume, .arg:
            if count == 0 { problem("\(keyword) requires at least one argument", instruction) }
        case .user, .workdir, .stopsignal, .maintainer:
            if count == 0 { problem("\(keyword) requires exactly one argument", instruction) }
        case .healthcheck:
            guard case .healthcheck(let kind, let command) = instruction.body else {
                if count == 0 { problem("HEALTHCHECK requires an argument", instruction) }
                return
            }
            switch kind.value.uppercased() {
            case "NONE": if !command.values.isEmpty { problem("HEALTHCHECK NONE takes no arguments", instruction) }
            case "CMD": if command.values.isEmpty { problem("Missing command after HEALTHCHECK CMD", instruction) }
            default: problem("Unknown type \"\(kind.value.uppercased())\" in HEALTHCHECK (try CMD)", instruction)
            }
        case .onbuild:
            guard let trigger = instruction.triggered else {
                problem("ONBUILD requires at least one argument", instruction)
                return
            }
            if [.onbuild, .from, .maintainer].contains(trigger.kind) {
                problem("\(trigger.kind.rawValue.uppercased()) isn't allowed as an ONBUILD trigger", instruction)
            } else {
                validate(trigger)
            }
        default:
            break
        }
    }
}
