/// A build-context rule: one small type that describes itself and checks what a build sends.
/// Its examples are file trees in ``ContextExample`` form.
public protocol ContextRule: Sendable {
    static var meta: RuleMeta { get }
    init()
    func check(_ context: ContextCheckContext) -> [Finding]
}
