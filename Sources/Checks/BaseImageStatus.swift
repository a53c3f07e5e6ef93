/// How fresh a FROM's base image is, as its registry answered (`--online`): the facts the base
/// image rules (PD048's pin, PD050–PD052) and the reports read. Without `--online` there are none.
public struct BaseImageStatus: Sendable, Equatable {
    public enum State: String, Sendable, CaseIterable {
        /// Pinned by digest, and the tag still points at that image.
        case pinnedCurrent = "pinned-current"
        /// Pinned by digest, and the tag now points at another image.
        case pinnedStale = "pinned-stale"
        /// Not pinned, and the newest of its tag's series.
        case unpinned
        /// A newer release of the same series exists (`20.11-alpine` → `20.18-alpine`).
        case newerRelease = "newer-release-available"
        /// The registry could not say (`reason` says why).
        case unresolvable
    }

    public var state: State
    /// The registry, repository and tag asked (`docker.io/library/node:20.11-alpine`).
    public var reference: String
    /// The digest written in the FROM, if any.
    public var pinned: String?
    /// What the tag points at now: an index digest, or the platform's manifest when the FROM names a platform.
    public var current: String?
    /// The `created` dates of the pinned image and of the tag's current image (RFC 3339), when known.
    public var pinnedCreated: String?
    public var currentCreated: String?
    /// The newest tag of the same series, when newer than the FROM's.
    public var newerTag: String?
    /// For `unresolvable`, what failed; for a built image on an older base, how that shows.
    public var reason: String?

    public init(state: State, reference: String, pinned: String? = nil, current: String? = nil, pinnedCreated: String? = nil,
                currentCreated: String? = nil, newerTag: String? = nil, reason: String? = nil) {
        self.state = state
        self.reference = reference
        self.pinned = pinned
        self.current = current
        self.pinnedCreated = pinnedCreated
        self.currentCreated = currentCreated
        self.newerTag = newerTag
        self.reason = reason
    }
}

/// The answers for one lint, by the FROM's image name as written after ARG expansion (`stage.baseName`).
public typealias BaseImageFacts = [String: BaseImageStatus]
