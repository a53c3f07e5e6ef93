import Dispatch
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Reads all layers of an image concurrently (they are independent until the union), largest first
/// so the longest one starts early.
public enum LayerScan {
    /// `progress` is called once per layer read, from the reading thread.
    public static func read(_ image: Image, with reader: LayerReader,
                            progress: (@Sendable () -> Void)? = nil) throws(ImageError) -> [LayerChanges] {
        let order = image.layers.indices.sorted { image.layers[$0].storedSize > image.layers[$1].storedSize }
        var configured = reader
        // With fewer layers than cores, the spare cores hash while the layers' tars are walked.
        configured.hashesInParallel = image.layers.count < ProcessInfoCores.count
        let reader = configured
        let results = Mutex<[LayerChanges?]>(Array(repeating: nil, count: image.layers.count))
        let failure = Mutex<ImageError?>(nil)
        DispatchQueue.concurrentPerform(iterations: order.count) { position in
            guard failure.withLock({ $0 == nil }) else { return }
            let layer = image.layers[order[position]]
            do throws(ImageError) {
                let changes = try reader.read(layer)
                results.withLock { $0[layer.index] = changes }
                progress?()
            } catch {
                // Report the lowest layer's error, so the message does not depend on scheduling.
                failure.withLock { current in
                    if let earlier = current, Self.layer(of: earlier) <= Self.layer(of: error) { return }
                    current = error
                }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return results.withLock { $0.compactMap { $0 } }
    }

    private static func layer(of error: ImageError) -> Int {
        switch error {
        case .corruptLayer(let layer, _), .decompressionBomb(let layer, _, _), .unsafeEntry(let layer, _, _): layer
        default: Int.max
        }
    }
}

/// The number of cores this process may use.
enum ProcessInfoCores {
    static let count: Int = {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 1
        #endif
    }()
}
