/// The image configuration: what runs, as whom, and how every layer was made.
public struct ImageConfiguration: Sendable, Decodable {
    public struct RunConfiguration: Sendable, Decodable {
        public var user: String?
        public var environment: [String]?
        public var entrypoint: [String]?
        public var command: [String]?
        public var workingDirectory: String?
        public var exposedPorts: [String: EmptyObject]?
        public var volumes: [String: EmptyObject]?
        public var labels: [String: String]?
        public var healthcheck: Healthcheck?

        enum CodingKeys: String, CodingKey {
            case user = "User"
            case environment = "Env"
            case entrypoint = "Entrypoint"
            case command = "Cmd"
            case workingDirectory = "WorkingDir"
            case exposedPorts = "ExposedPorts"
            case volumes = "Volumes"
            case labels = "Labels"
            case healthcheck = "Healthcheck"
        }
    }

    public struct Healthcheck: Sendable, Decodable {
        public var test: [String]?
        enum CodingKeys: String, CodingKey { case test = "Test" }
    }

    /// `{}` in `ExposedPorts` and `Volumes`: only the key matters.
    public struct EmptyObject: Sendable, Decodable {}

    public struct RootFilesystem: Sendable, Decodable {
        public var type: String
        public var diffIDs: [String]
        enum CodingKeys: String, CodingKey {
            case type
            case diffIDs = "diff_ids"
        }
    }

    public struct HistoryEntry: Sendable, Decodable {
        public var created: String?
        public var createdBy: String?
        public var author: String?
        public var comment: String?
        public var emptyLayer: Bool?

        enum CodingKeys: String, CodingKey {
            case created
            case createdBy = "created_by"
            case author
            case comment
            case emptyLayer = "empty_layer"
        }
    }

    public var architecture: String?
    public var os: String?
    public var variant: String?
    public var created: String?
    public var config: RunConfiguration?
    public var rootfs: RootFilesystem
    public var history: [HistoryEntry]?

    var platform: Platform? {
        guard let os, let architecture else { return nil }
        return Platform(os: os, architecture: architecture, variant: variant)
    }
}
