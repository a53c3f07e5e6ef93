/// Told how reading an image's layers goes, so a front end can show it; calls may come from
/// several threads at once.
public protocol ReadProgress: Sendable {
    func started(layers: Int)
    func layerDone()
    /// Every layer is walked; digests of the largest may still be checking.
    func finished()
}
