import HostSystem
import ContainerImage
import Foundation

/// An image written as text, the form image rules give their examples in:
///
///     == Dockerfile ==
///     FROM debian:12
///     RUN apt-get update
///     == layer: RUN /bin/sh -c apt-get update # buildkit ==
///     var/lib/apt/lists/deb_Packages (4000000 bytes)
///     usr/bin/
///     usr/bin/sh -> dash
///     var/lib/apt/lists/.wh.deb_Packages
///
/// Each `== layer: CREATED_BY ==` starts a filesystem layer and names its history entry; lines are
/// tar entry names: `(N bytes)` makes a regular file, `(N bytes, mode 4755)` one with a mode, a
/// trailing `/` a directory (`dir/ (mode 1777)`), `path = text` a file with that content (`\n` for
/// new lines, `<static ELF executable>` or `<dynamic ELF executable>` for a program header; the
/// content is visible to the rules), `-> target` a symbolic link, `=> target` a hard
/// link, and `.wh.` names are whiteouts as in a real layer. `== history: CREATED_BY ==` adds an
/// empty-layer history entry. `== config ==` holds `Key: value` lines: `User`, `Env`, `Label`
/// (`key=value`), `ExposedPort`, `Volume`, `Healthcheck`, `Entrypoint` and `Cmd` (words), and
/// `Base: STATE REFERENCE` for what the base's registry is taken to say (`--online`).
public struct ImageExample: Sendable {
    public var dockerfile: String?
    public var history: [ImageConfiguration.HistoryEntry]
    public var layers: [LayerChanges]
    public var config = ImageConfiguration.RunConfiguration()
    /// What the base's registry is taken to answer (`Base: pinned-stale docker.io/library/node:20`).
    public var baseImage: BaseImageStatus?

    /// The configuration the example describes.
    public var imageConfiguration: ImageConfiguration { ImageConfiguration(history: history, config: config) }

    public init(_ text: String) throws(ImageError) {
        var dockerfileLines: [Substring]?
        var history: [ImageConfiguration.HistoryEntry] = []
        var layers: [LayerChanges] = []
        var inDockerfile = false
        var inConfig = false
        var config = ImageConfiguration.RunConfiguration()
        var baseImage: BaseImageStatus?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "== Dockerfile ==" {
                inDockerfile = true
                dockerfileLines = []
                continue
            }
            if line == "== config ==" {
                inConfig = true
                inDockerfile = false
                continue
            }
            if line.hasPrefix("== history: "), line.hasSuffix(" ==") {
                history.append(.init(createdBy: String(line.dropFirst("== history: ".count).dropLast(3)), emptyLayer: true))
                continue
            }
            if line.hasPrefix("== layer: "), line.hasSuffix(" ==") {
                inDockerfile = false
                inConfig = false
                history.append(.init(createdBy: String(line.dropFirst("== layer: ".count).dropLast(3))))
                layers.append(LayerChanges(index: layers.count))
                continue
            }
            if inDockerfile {
                dockerfileLines?.append(line)
                continue
            }
            if inConfig {
                if line.hasPrefix("Base: ") {
                    let words = line.dropFirst("Base: ".count).split(separator: " ").map(String.init)
                    if words.count == 2, let state = BaseImageStatus.State(rawValue: words[0]) {
                        baseImage = BaseImageStatus(state: state, reference: words[1], current: "sha256:" + String(repeating: "c3", count: 32),
                                                    currentCreated: "2026-11-20T08:00:00Z")
                    }
                    continue
                }
                Self.configure(&config, line)
                continue
            }
            guard !line.isEmpty, !layers.isEmpty else { continue }
            _ = try layers[layers.count - 1].appendExampleLine(String(line))
        }
        self.dockerfile = dockerfileLines.map { $0.joined(separator: "\n") }
        self.history = history
        self.layers = layers
        self.config = config
        self.baseImage = baseImage
    }

    private static func configure(_ config: inout ImageConfiguration.RunConfiguration, _ line: Substring) {
        guard let colon = line.firstIndex(of: ":") else { return }
        let key = line[..<colon]
        let value = String(line[line.index(after: colon)...].drop { $0 == " " })
        let words = value.split(separator: " ").map(String.init)
        switch key {
        case "User": config.user = value
        case "Env": config.environment = (config.environment ?? []) + [value]
        case "Label":
            let parts = value.split(separator: "=", maxSplits: 1).map(String.init)
            config.labels = (config.labels ?? [:]).merging([parts[0]: parts.count > 1 ? parts[1] : ""]) { $1 }
        case "ExposedPort": config.exposedPorts = (config.exposedPorts ?? [:]).merging([value: .init()]) { $1 }
        case "Volume": config.volumes = (config.volumes ?? [:]).merging([value: .init()]) { $1 }
        case "Healthcheck": config.healthcheck = .init(test: words)
        case "Entrypoint": config.entrypoint = words
        case "Cmd": config.command = words
        default: break
        }
    }
}

private extension LayerChanges {
    mutating func appendExampleLine(_ line: String) throws(ImageError) -> Int? {
        if let equals = line.range(of: " = ") {
            let text = String(line[equals.upperBound...])
            let content = switch text {
            case "<static ELF executable>": ELFHeader.sample(dynamic: false)
            case "<dynamic ELF executable>": ELFHeader.sample(dynamic: true)
            default: Array(text.replacingNewlineEscapes().utf8)
            }
            let index = try append(name: String(line[..<equals.lowerBound]), kind: .regular, size: Int64(content.count))
            if let index { captured[index] = content }
            return index
        }
        if let arrow = line.range(of: " -> ") {
            return try append(name: String(line[..<arrow.lowerBound]), kind: .symbolicLink, size: 0, linkTarget: String(line[arrow.upperBound...]))
        }
        if let arrow = line.range(of: " => ") {
            return try append(name: String(line[..<arrow.lowerBound]), kind: .hardLink, size: 0, linkTarget: String(line[arrow.upperBound...]))
        }
        // `name (N bytes)`, `name (N bytes, mode 4755)`, `dir/ (mode 1777)`
        var name = line
        var size: Int64 = 0
        var mode: UInt32?
        if line.hasSuffix(")"), let open = line.lastIndex(of: "(") {
            name = String(line[..<open].trimmingTrailing(" "))
            for part in line[line.index(after: open)..<line.index(before: line.endIndex)].split(separator: ",") {
                let words = part.split(separator: " ")
                if words.count == 2, words[1] == "bytes" { size = Int64(words[0]) ?? 0 }
                if words.count == 2, words[0] == "mode" { mode = UInt32(words[1], radix: 8) }
            }
        }
        if name.hasSuffix("/") { return try append(name: name, kind: .directory, size: 0, mode: mode ?? 0o755) }
        return try append(name: name, kind: .regular, size: size, mode: mode ?? 0o644)
    }
}

private extension String {
    func replacingNewlineEscapes() -> String {
        var output = ""
        var escaped = false
        for character in self {
            if escaped {
                output.append(character == "n" ? "\n" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                output.append(character)
            }
        }
        return output
    }
}
