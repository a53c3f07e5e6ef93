import DockerfileSyntax

extension LintContext {
    /// An edit that writes `name` as a FROM's image, when the FROM writes its image literally: one
    /// built from ARGs cannot be rewritten without losing them, so it gets none.
    func baseNameEdit(_ stage: Stage, to name: String) -> TextEdit? {
        guard let argument = stage.from.arguments.first, argument.value == stage.baseName else { return nil }
        return edit(argument.span, name)
    }
}
