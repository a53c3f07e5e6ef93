/// An image rule: one small type that describes itself and checks a built image.
/// Its examples are images in ``ImageExample`` form.
public protocol ImageRule: Sendable {
    static var meta: RuleMeta { get }
    init()
    func check(_ image: ImageCheckContext) -> [Finding]
}
