import Foundation

/// One OSV record (ossf/osv-schema), reduced to what matching and reporting need.
public struct Advisory: Sendable, Decodable {
    public struct Severity: Sendable, Decodable {
        public var type: String
        public var score: String
    }

    public struct Package: Sendable, Decodable {
        public var ecosystem: String?
        public var name: String?
        public var purl: String?
    }

    public struct Event: Sendable, Decodable {
        public var introduced: String?
        public var fixed: String?
        public var lastAffected: String?
        public var limit: String?

        public init(introduced: String? = nil, fixed: String? = nil, lastAffected: String? = nil, limit: String? = nil) {
            self.introduced = introduced
            self.fixed = fixed
            self.lastAffected = lastAffected
            self.limit = limit
        }

        enum CodingKeys: String, CodingKey {
            case introduced, fixed, limit
            case lastAffected = "last_affected"
        }
    }

    public struct Range: Sendable, Decodable {
        public var type: String
        public var events: [Event]
    }

    public struct Affected: Sendable, Decodable {
        public var package: Package?
        public var ranges: [Range]?
        public var versions: [String]?
        public var severity: [Severity]?
    }

    public var id: String
    public var modified: String?
    public var published: String?
    public var withdrawn: String?
    public var aliases: [String]?
    public var summary: String?
    public var details: String?
    public var severity: [Severity]?
    public var affected: [Affected]?

    public static func decode(_ bytes: [UInt8]) throws -> Advisory {
        try JSONDecoder().decode(Advisory.self, from: Data(bytes))
    }
}
