/// What `docker build` is told besides the Dockerfile: `--build-arg` values and `--target`.
public struct BuildOptions: Sendable, Equatable {
    public var buildArguments: [String: String]
    public var target: String?
    /// `os/arch[/variant]` the build targets; BuildKit's automatic platform ARGs derive from it.
    public var platform: String

    public init(buildArguments: [String: String] = [:], target: String? = nil, platform: String = "linux/amd64") {
        self.buildArguments = buildArguments
        self.target = target
        self.platform = platform
    }

    /// BuildKit's automatic platform arguments (`TARGETPLATFORM`, `BUILDARCH`, …).
    var automaticArguments: [String: String] {
        let parts = platform.split(separator: "/").map(String.init)
        let os = parts.first ?? "linux", arch = parts.count > 1 ? parts[1] : "amd64", variant = parts.count > 2 ? parts[2] : ""
        var values: [String: String] = [:]
        for prefix in ["TARGET", "BUILD"] {
            values[prefix + "PLATFORM"] = platform
            values[prefix + "OS"] = os
            values[prefix + "ARCH"] = arch
            values[prefix + "VARIANT"] = variant
        }
        return values
    }
}
