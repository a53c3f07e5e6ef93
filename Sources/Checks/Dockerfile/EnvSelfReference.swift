import DockerfileSyntax

struct EnvSelfReference: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD038", name: "env-self-reference", severity: .error, aliases: ["DL3044"],
        title: "ENV refers to a variable it defines in the same instruction",
        why: """
            All values of one ENV instruction are expanded before any of them is set, so `ENV A=1 B=$A` gives B \
            the *previous* value of A (usually empty), not 1. Split the instruction in two.
            """,
        triggering: ["FROM alpine:3.20\nENV APP=/srv PATH=$APP/bin:$PATH\n", "FROM alpine:3.20\nENV A=1 B=${A}2\n"],
        passing: ["FROM alpine:3.20\nENV APP=/srv\nENV PATH=$APP/bin:$PATH\n", "FROM alpine:3.20\nENV PATH=/opt/bin:$PATH\n"])

    func check(_ context: LintContext) -> [Finding] {
        context.allSteps.compactMap { step -> Finding? in
            guard step.instruction.kind == .env, case .pairs(let pairs, let legacy) = step.instruction.body, !legacy else { return nil }
            for (index, pair) in pairs.enumerated() {
                for earlier in pairs[..<index] where Self.references(pair.value.value, earlier.key.value) {
                    return context.finding(Self.meta, at: pair.value.span,
                                           "`\(pair.key.value)` uses `$\(earlier.key.value)`, defined in this same ENV, so it gets the old value; move `\(pair.key.value)` to its own ENV")
                }
            }
            return nil
        }
    }

    /// `$NAME` or `${NAME…}` in `text`, not followed by more name characters.
    static func references(_ text: String, _ name: String) -> Bool {
        for form in ["${" + name + "}", "${" + name + ":", "${" + name + "-", "${" + name + "+"] where text.contains(text: form) { return true }
        var search = text[...]
        while let range = search.range(ofText: "$" + name) {
            let after = search[range.upperBound...].first
            if after.map({ !($0.isLetter || $0.isNumber || $0 == "_") }) ?? true { return true }
            search = search[range.upperBound...]
        }
        return false
    }
}
