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

        public init(user: String? = nil, environment: [String]? = nil, entrypoint: [String]? = nil, command: [String]? = nil,
                    workingDirectory: String? = nil, exposedPorts: [String]? = nil, volumes: [String]? = nil, labels: [String: String]? = nil,
                    healthcheck: [String]? = nil) {
            self.user = user
            self.environment = environment
            self.entrypoint = entrypoint
            self.command = command
            self.workingDirectory = workingDirectory
            self.exposedPorts = exposedPorts.map { Dictionary(uniqueKeysWithValues: $0.map { ($0, EmptyObject()) }) }
            self.volumes = volumes.map { Dictionary(uniqueKeysWithValues: $0.map { ($0, EmptyObject()) }) }
            self.labels = labels
            self.healthcheck = healthcheck.map { Healthcheck(test: $0) }
        }

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

        public init(test: [String]?) { self.test = test }
        enum CodingKeys: String, CodingKey { case test = "Test" }
    }

    /// `{}` in `ExposedPorts` and `Volumes`: only the key matters.
    public struct EmptyObject: Sendable, Decodable {
        public init() {}
    }

    public struct RootFilesystem: Sendable, Decodable {
        public var type: String
        public var diffIDs: [String]

        public init(type: String, diffIDs: [String]) {
            self.type = type
            self.diffIDs = diffIDs
        }
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

        public init(createdBy: String?, emptyLayer: Bool = false) {
            self.createdBy = createdBy
            self.emptyLayer = emptyLayer
        }

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

    /// A configuration built in code (rule examples, tests): layers are described by their history alone.
    public init(history: [HistoryEntry], layerDiffIDs: [String] = [], config: RunConfiguration? = nil) {
        self.history = history
        self.rootfs = RootFilesystem(type: "layers", diffIDs: layerDiffIDs)
        self.config = config
    }

    var platform: Platform? {
        guard let os, let architecture else { return nil }
        return Platform(os: os, architecture: architecture, variant: variant)
    }
}
