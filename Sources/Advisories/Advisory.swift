/// One OSV record (ossf/osv-schema), reduced to what matching and reporting need.
public struct Advisory: Sendable {
    public struct Severity: Sendable {
        public var type: String
        public var score: String
    }

    public struct Package: Sendable {
        public var ecosystem: String?
        public var name: String?
        public var purl: String?
    }

    public struct Event: Sendable {
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

    }

    public struct Range: Sendable {
        public var type: String
        public var events: [Event]
    }

    public struct Affected: Sendable {
        public var package: Package?
        public var ranges: [Range]?
        public var versions: [String]?
        public var severity: [Severity]?
        /// Severity words a source puts in `ecosystem_specific` or `database_specific` (`severity`, Debian's `urgency`).
        public var severityLabels: [String] = []
    }

    public var id: String
    public var modified: String?
    public var published: String?
    public var withdrawn: String?
    public var aliases: [String]?
    public var summary: String?
    public var severity: [Severity]?
    /// `database_specific.severity` (GitHub's `HIGH`, `MODERATE`…).
    public var severityLabels: [String] = []
    public var affected: [Affected]?

    public struct InvalidRecord: Error, CustomStringConvertible {
        public var description: String { "not a valid OSV record" }
    }

    /// Reads a record with the fast skimming reader (matching decodes thousands per scan).
    public static func decode(_ bytes: [UInt8]) throws -> Advisory {
        guard let document = JSONSkimmer.parse(bytes, keeping: Self.fields), let advisory = Advisory(document) else { throw InvalidRecord() }
        return advisory
    }

    /// The members read; `details`, `references`, `credits` and the rest are skipped unbuilt.
    static let fields: Set<String> = ["id", "modified", "published", "withdrawn", "aliases", "summary", "severity", "affected", "database_specific"]

    init?(_ document: JSONSkimmer.Value) {
        guard let id = document["id"]?.string else { return nil }
        func strings(_ value: JSONSkimmer.Value?) -> [String]? { value?.array?.compactMap(\.string) }
        func severities(_ value: JSONSkimmer.Value?) -> [Severity]? {
            value?.array?.compactMap { item in
                guard let type = item["type"]?.string, let score = item["score"]?.string else { return nil }
                return Severity(type: type, score: score)
            }
        }
        self.id = id
        modified = document["modified"]?.string
        published = document["published"]?.string
        withdrawn = document["withdrawn"]?.string
        aliases = strings(document["aliases"])
        summary = document["summary"]?.string
        severity = severities(document["severity"])
        func labels(_ objects: JSONSkimmer.Value?...) -> [String] {
            objects.flatMap { object in ["severity", "urgency"].compactMap { object?[$0]?.string } }
        }
        severityLabels = labels(document["database_specific"])
        affected = document["affected"]?.array?.map { entry in
            Affected(
                package: entry["package"].map { Package(ecosystem: $0["ecosystem"]?.string, name: $0["name"]?.string, purl: $0["purl"]?.string) },
                ranges: entry["ranges"]?.array?.map { range in
                    Range(type: range["type"]?.string ?? "", events: (range["events"]?.array ?? []).map { event in
                        Event(introduced: event["introduced"]?.string, fixed: event["fixed"]?.string,
                              lastAffected: event["last_affected"]?.string, limit: event["limit"]?.string)
                    })
                },
                versions: strings(entry["versions"]),
                severity: severities(entry["severity"]),
                severityLabels: labels(entry["ecosystem_specific"], entry["database_specific"]))
        }
    }
}
