import Foundation

/// Decodes the small JSON documents of an image with one short error line on failure.
public enum JSONDocument {
    /// Manifests, indexes and configs are kilobytes; a config of thousands of layers stays far below this.
    public static let sizeLimit: Int64 = 64 << 20

    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], what: String) throws(ImageError) -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(bytes))
        } catch let error as DecodingError {
            throw .malformedDocument(what: what, reason: describe(error))
        } catch {
            throw .malformedDocument(what: what, reason: "not valid JSON")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func at(_ path: [any CodingKey]) -> String {
            path.isEmpty ? "" : " at " + path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing `\(key.stringValue)`\(at(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong type\(at(context.codingPath))"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return "not valid JSON" }
            return "\(context.debugDescription)\(at(context.codingPath))"
        @unknown default: return "not valid JSON"
        }
    }
}
