import ContainerImage

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
/// tar entry names: `(N bytes)` makes a regular file, a trailing `/` a directory, `-> target` a
/// symbolic link, `=> target` a hard link, and `.wh.` names are whiteouts as in a real layer.
public struct ImageExample: Sendable {
    public var dockerfile: String?
    public var history: [ImageConfiguration.HistoryEntry]
    public var layers: [LayerChanges]

    public init(_ text: String) throws(ImageError) {
        var dockerfileLines: [Substring]?
        var history: [ImageConfiguration.HistoryEntry] = []
        var layers: [LayerChanges] = []
        var inDockerfile = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "== Dockerfile ==" {
                inDockerfile = true
                dockerfileLines = []
                continue
            }
            if line.hasPrefix("== layer: "), line.hasSuffix(" ==") {
                inDockerfile = false
                history.append(.init(createdBy: String(line.dropFirst("== layer: ".count).dropLast(3))))
                layers.append(LayerChanges(index: layers.count))
                continue
            }
            if inDockerfile {
                dockerfileLines?.append(line)
                continue
            }
            guard !line.isEmpty, !layers.isEmpty else { continue }
            _ = try layers[layers.count - 1].appendExampleLine(String(line))
        }
        self.dockerfile = dockerfileLines.map { $0.joined(separator: "\n") }
        self.history = history
        self.layers = layers
    }
}

private extension LayerChanges {
    mutating func appendExampleLine(_ line: String) throws(ImageError) -> Int? {
        if let arrow = line.range(of: " -> ") {
            return try append(name: String(line[..<arrow.lowerBound]), kind: .symbolicLink, size: 0, linkTarget: String(line[arrow.upperBound...]))
        }
        if let arrow = line.range(of: " => ") {
            return try append(name: String(line[..<arrow.lowerBound]), kind: .hardLink, size: 0, linkTarget: String(line[arrow.upperBound...]))
        }
        if line.hasSuffix(" bytes)"), let open = line.lastIndex(of: "(") {
            let size = Int64(line[line.index(after: open)...].dropLast(" bytes)".count)) ?? 0
            return try append(name: String(line[..<open]).trimmingCharacters(in: " "), kind: .regular, size: size)
        }
        if line.hasSuffix("/") { return try append(name: line, kind: .directory, size: 0, mode: 0o755) }
        return try append(name: line, kind: .regular, size: 0)
    }
}

private extension String {
    func trimmingCharacters(in set: Character) -> String {
        var text = Substring(self)
        while text.last == set { text = text.dropLast() }
        return String(text)
    }
}
