import DockerfileSyntax

/// CMD, ENTRYPOINT and HEALTHCHECK take effect once per stage: only the last counts. Like
/// hadolint, each repetition is reported (so its `ignore` pragmas keep working), naming the line it replaces.
enum RepeatedInstruction {
    static func findings(_ kind: InstructionKind, meta: RuleMeta, in context: LintContext) -> [Finding] {
        context.graph.stages.flatMap { stage -> [Finding] in
            let steps = stage.steps.filter { $0.instruction.kind == kind }
            return zip(steps, steps.dropFirst()).map { previous, step in
                context.finding(meta, at: step.instruction.span,
                                "this \(kind.rawValue.uppercased()) replaces the one on line \(previous.instruction.startLine) of the same stage, which has no effect; keep one")
            }
        }
    }
}
