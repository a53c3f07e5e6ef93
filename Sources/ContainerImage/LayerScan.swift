import HostSystem
import Dispatch
import Synchronization

/// Reads all layers of an image concurrently (they are independent until the union), largest first
/// so the longest one starts early.
///
/// Hashing the largest uncompressed layer is the longest single task of a verified read (SHA-256 is
/// sequential), so that layer is hashed on a thread of its own while its tar is walked by seeking,
/// and the caller's analysis runs on the walked layers while the hash finishes. The result is only
/// handed out once every digest has checked out.
public enum LayerScan {
    /// `progress` is called once per layer walked or found in `cache`.
    public static func read(_ image: Image, with reader: LayerReader, cache: LayerAnalysisCache? = nil,
                            progress: (@Sendable () -> Void)? = nil) throws(ImageError) -> [LayerChanges] {
        try read(image, with: reader, cache: cache, progress: progress) { $0 }
    }

    /// Walks the layers, runs `analyse` on them and returns its result once all digests are verified.
    /// A layer found in `cache` is not read at all; the others are stored there once all checked out.
    public static func read<Analysis>(_ image: Image, with reader: LayerReader, cache: LayerAnalysisCache? = nil,
                                      progress: (@Sendable () -> Void)? = nil,
                                      analysing analyse: ([LayerChanges]) -> Analysis) throws(ImageError) -> Analysis {
        let cached = image.layers.map { layer in cache?.load(layer) }
        for _ in cached.compactMap({ $0 }) { progress?() }
        let missing = image.layers.filter { cached[$0.index] == nil }
        let failure = FirstFailure()
        let separate = try separatelyHashed(missing, reader)
        var configured = reader
        // With fewer layers than cores, the spare cores hash while the layers' tars are walked.
        configured.hashesInParallel = missing.count < ProcessorCount.online
        let walker = configured
        configured.verifiesDigests = false
        let seeking = configured
        let queue = LayerQueue(missing, separate: separate?.index)
        let results = Mutex<[LayerChanges?]>(cached)
        let perform: @Sendable (LayerBlob) -> Void = { layer in
            guard failure.isEmpty else { return }
            do throws(ImageError) {
                let changes = try (layer.index == separate?.index ? seeking : walker).read(layer)
                results.withLock { $0[layer.index] = changes }
                progress?()
            } catch {
                failure.record(error)
            }
        }
        let hashing = DispatchGroup()
        if let separate {
            // After its hash, this thread helps walk the layers that are left.
            DispatchQueue.global().async(group: hashing) {
                do throws(ImageError) { try reader.verifyUncompressed(separate) } catch { failure.record(error) }
                queue.run(perform)
            }
        }
        DispatchQueue.concurrentPerform(iterations: max(1, ProcessorCount.online - (separate == nil ? 0 : 1))) { _ in
            queue.run(perform)
        }
        queue.waitUntilDone()
        if let error = failure.first {
            hashing.wait()
            throw failure.first ?? error
        }
        let changes = results.withLock { $0.compactMap { $0 } }
        let analysis = analyse(changes)
        hashing.wait()
        if let error = failure.first { throw error }
        if let cache {
            for layer in missing { cache.store(changes[layer.index], of: layer) }
        }
        return analysis
    }

    /// The layer to hash on a thread of its own: the largest, when digests are verified, it is an
    /// uncompressed tar (its blob digest is its diff_id) and there is a second core to hash on.
    private static func separatelyHashed(_ layers: [LayerBlob], _ reader: LayerReader) throws(ImageError) -> LayerBlob? {
        guard reader.verifiesDigests, ProcessorCount.online > 1,
              let largest = layers.max(by: { $0.storedSize < $1.storedSize }),
              try reader.compression(of: largest) == Compression.none else { return nil }
        return largest
    }
}

/// The layers to walk, handed out largest first to whichever thread asks, and a wait for the last
/// one to finish (which another thread may still be walking when the list runs out).
private final class LayerQueue: Sendable {
    private let layers: [LayerBlob]
    private let next = Atomic<Int>(0)
    private let finished = DispatchGroup()

    init(_ layers: [LayerBlob], separate: Int?) {
        // The separately hashed layer is walked by seeking, which is quick whatever its size.
        self.layers = layers.sorted { first, second in
            (first.index == separate ? Int64.max : first.storedSize) > (second.index == separate ? Int64.max : second.storedSize)
        }
        for _ in layers { finished.enter() }
    }

    func run(_ perform: (LayerBlob) -> Void) {
        while true {
            let position = next.add(1, ordering: .relaxed).oldValue
            guard position < layers.count else { return }
            perform(layers[position])
            finished.leave()
        }
    }

    func waitUntilDone() { finished.wait() }
}

/// The error to report when layers fail: the lowest layer's, so the message does not depend on scheduling.
private final class FirstFailure: Sendable {
    private let error = Mutex<ImageError?>(nil)

    var isEmpty: Bool { error.withLock { $0 == nil } }
    var first: ImageError? { error.withLock { $0 } }

    func record(_ failure: ImageError) {
        error.withLock { current in
            if let earlier = current, Self.layer(of: earlier) <= Self.layer(of: failure) { return }
            current = failure
        }
    }

    private static func layer(of error: ImageError) -> Int {
        switch error {
        case .corruptLayer(let layer, _), .decompressionBomb(let layer, _, _), .unsafeEntry(let layer, _, _): layer
        default: Int.max
        }
    }
}

