/// `os/architecture[/variant]`, as in `--platform linux/arm64/v8`.
public struct Platform: Sendable, Hashable, Codable, CustomStringConvertible {
    public var os: String
    public var architecture: String
    public var variant: String?

    public static let linuxAMD64 = Platform(os: "linux", architecture: "amd64", variant: nil)

    public init(os: String, architecture: String, variant: String?) {
        self.os = os
        self.architecture = architecture
        self.variant = variant
    }

    public init(parsing text: String) throws(ImageError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty }) else {
            throw .invalidReference("platform `\(text)` is not os/arch[/variant]")
        }
        self.init(os: parts[0], architecture: parts[1], variant: parts.count == 3 ? parts[2] : nil)
    }

    public var description: String { [os, architecture, variant].compactMap { $0 }.joined(separator: "/") }

    /// Whether an image built for `self` satisfies a request for `wanted`; a request without a variant takes any.
    func satisfies(_ wanted: Platform) -> Bool {
        os == wanted.os && architecture == wanted.architecture && (wanted.variant == nil || variant == wanted.variant)
    }

    enum CodingKeys: String, CodingKey {
        case os
        case architecture
        case variant
    }
}
