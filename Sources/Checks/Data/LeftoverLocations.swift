/// Directories that hold what an image should not ship, as patterns over image paths
/// (`*` stands for one path component, e.g. any user's home directory).
struct LeftoverLocation: Sendable {
    var pattern: String
    var label: String
    var remedy: String
    /// The pattern up to its first `*`, and its components: computed once, matched against every file.
    private let literalPrefix: String
    private let components: [Substring]

    init(pattern: String, label: String, remedy: String) {
        self.pattern = pattern
        self.label = label
        self.remedy = remedy
        literalPrefix = String(pattern.split(separator: "*", maxSplits: 1, omittingEmptySubsequences: false)[0])
        components = pattern.split(separator: "/")
    }

    /// Whether `path` (relative, cleaned) is inside the location.
    func contains(_ path: String) -> Bool {
        // Checked for every file of the image against every location: reject on the literal prefix first.
        guard path.utf8.count > pattern.utf8.count, path.utf8.starts(with: literalPrefix.utf8) else { return false }
        // Only what is *inside* the location counts: the directory itself is harmless.
        if literalPrefix.utf8.count == pattern.utf8.count {
            return path.utf8.dropFirst(pattern.utf8.count).first == UInt8(ascii: "/")
        }
        let parts = path.split(separator: "/", maxSplits: components.count, omittingEmptySubsequences: true)
        guard parts.count > components.count else { return false }
        for (want, have) in zip(components, parts) where want != "*" && want != have { return false }
        return true
    }

    /// Files found inside one location, with the layer that holds most of their bytes.
    struct Tally {
        var location: LeftoverLocation
        var bytes: Int64 = 0
        var files = 0
        var bytesByLayer: [Int: Int64] = [:]
        var mainLayer: Int? { bytesByLayer.layerWithMostBytes }
    }

    /// Totals per location over the final filesystem; only locations with files.
    static func tally(_ locations: [LeftoverLocation], in files: [ImageCheckContext.FinalFile]) -> [Tally] {
        var tallies = locations.map { Tally(location: $0) }
        for file in files {
            for index in tallies.indices where tallies[index].location.contains(file.path) {
                tallies[index].bytes += file.size
                tallies[index].files += 1
                tallies[index].bytesByLayer[file.layer, default: 0] += file.size
                break
            }
        }
        return tallies.filter { $0.files > 0 }
    }

    /// Package-manager and language caches and indexes ("clean up in the same layer").
    static let caches: [LeftoverLocation] = [
        .init(pattern: "var/lib/apt/lists", label: "apt package lists", remedy: "add `&& rm -rf /var/lib/apt/lists/*` to the RUN that runs apt-get update"),
        .init(pattern: "var/cache/apt", label: "apt package cache", remedy: "run `apt-get clean` in the same RUN, or use a cache mount"),
        .init(pattern: "var/cache/apk", label: "apk package cache", remedy: "use `apk add --no-cache`"),
        .init(pattern: "var/cache/yum", label: "yum cache", remedy: "add `&& yum clean all` to the same RUN"),
        .init(pattern: "var/cache/dnf", label: "dnf cache", remedy: "add `&& dnf clean all` to the same RUN"),
        .init(pattern: "var/cache/zypp", label: "zypper cache", remedy: "add `&& zypper clean --all` to the same RUN"),
        .init(pattern: "root/.cache/pip", label: "pip cache", remedy: "use `pip install --no-cache-dir`"),
        .init(pattern: "home/*/.cache/pip", label: "pip cache", remedy: "use `pip install --no-cache-dir`"),
        .init(pattern: "root/.npm", label: "npm cache", remedy: "run `npm cache clean --force` in the same RUN, or use a cache mount"),
        .init(pattern: "home/*/.npm", label: "npm cache", remedy: "run `npm cache clean --force` in the same RUN, or use a cache mount"),
        .init(pattern: "root/.cache/yarn", label: "yarn cache", remedy: "run `yarn cache clean` in the same RUN"),
        .init(pattern: "home/*/.cache/yarn", label: "yarn cache", remedy: "run `yarn cache clean` in the same RUN"),
        .init(pattern: "usr/local/share/.cache/yarn", label: "yarn cache", remedy: "run `yarn cache clean` in the same RUN"),
        .init(pattern: "root/.cache/go-build", label: "Go build cache", remedy: "build in a separate stage, or use a cache mount"),
        .init(pattern: "home/*/.cache/go-build", label: "Go build cache", remedy: "build in a separate stage, or use a cache mount"),
        .init(pattern: "root/go/pkg/mod", label: "Go module cache", remedy: "build in a separate stage, or use a cache mount"),
        .init(pattern: "go/pkg/mod", label: "Go module cache", remedy: "build in a separate stage, or use a cache mount"),
        .init(pattern: "root/.cargo/registry", label: "Cargo registry cache", remedy: "build in a separate stage, or use a cache mount"),
        .init(pattern: "usr/local/cargo/registry", label: "Cargo registry cache", remedy: "build in a separate stage, or use a cache mount"),
        .init(pattern: "root/.m2/repository", label: "Maven repository", remedy: "build in a separate stage, or use a cache mount"),
        .init(pattern: "root/.gradle/caches", label: "Gradle cache", remedy: "build in a separate stage, or use a cache mount"),
        .init(pattern: "root/.composer/cache", label: "Composer cache", remedy: "use `composer install --no-cache`"),
        .init(pattern: "usr/local/bundle/cache", label: "Bundler gem cache", remedy: "run `bundle install` then remove the cache in the same RUN"),
    ]

    /// Documentation that slim images leave out.
    static let documentation: [LeftoverLocation] = [
        .init(pattern: "usr/share/doc", label: "package documentation", remedy: "use a slim base, or exclude it with a dpkg path-exclude rule"),
        .init(pattern: "usr/share/man", label: "manual pages", remedy: "use a slim base, or exclude them with a dpkg path-exclude rule"),
        .init(pattern: "usr/share/info", label: "info pages", remedy: "use a slim base, or exclude them with a dpkg path-exclude rule"),
    ]
}
