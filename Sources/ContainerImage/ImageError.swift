/// Why an image could not be read. Every case is one line a user can act on.
public enum ImageError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case invalidReference(String)
    case notAnImage(path: String, reason: String)
    case malformedDocument(what: String, reason: String)
    case missingBlob(what: String)
    case digestMismatch(what: String, expected: String, actual: String)
    case sizeMismatch(what: String, expected: Int64, actual: Int64)
    case unsupported(String)
    case noMatchingPlatform(wanted: String, available: [String])
    case corruptLayer(layer: Int, reason: String)
    case decompressionBomb(layer: Int, compressed: Int64, limit: Int64)
    case unsafeEntry(layer: Int, path: String, reason: String)
    case tooLarge(what: String, limit: Int64)
    /// A registry or engine could not give the image: the message says which and why.
    case transfer(String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        case .invalidReference(let reason): "invalid image reference: \(reason)"
        case .notAnImage(let path, let reason): "\(path) is not an image: \(reason)"
        case .malformedDocument(let what, let reason): "invalid \(what): \(reason)"
        case .missingBlob(let what): "the image has no \(what)"
        case .digestMismatch(let what, let expected, let actual): "\(what) does not match its digest: expected \(expected), got \(actual)"
        case .sizeMismatch(let what, let expected, let actual): "\(what) is \(actual) bytes, its descriptor says \(expected)"
        case .unsupported(let reason): "unsupported image: \(reason)"
        case .noMatchingPlatform(let wanted, let available):
            "no image for platform \(wanted) (the index has \(available.isEmpty ? "none" : available.joined(separator: ", ")))"
        case .corruptLayer(let layer, let reason): "layer \(layer) is corrupt: \(reason)"
        case .decompressionBomb(let layer, let compressed, let limit):
            "layer \(layer) expands beyond \(limit) bytes from \(compressed) compressed bytes; refusing a possible decompression bomb"
        case .unsafeEntry(let layer, let path, let reason): "layer \(layer) has an unsafe entry `\(path)`: \(reason)"
        case .tooLarge(let what, let limit): "\(what) is larger than \(limit) bytes"
        case .transfer(let reason): reason
        }
    }
}
