import Checks
import ContainerImage
import DockerfileSyntax

/// The `image` member of the JSON report: what the image is, where its bytes go, and where each layer came from.
enum ImageJSON {
    static func render(_ report: ImageReport) -> JSONValue {
        let space = report.space
        let image = report.image
        return .object([
            ("reference", .string(report.reference)),
            ("source", image.map { .string($0.transport) } ?? .null),
            ("resolved", image?.resolved.map { resolved in
                .object([("registry", .string(resolved.registry)), ("repository", .string(resolved.repository)),
                         ("tag", resolved.tag.map(JSONValue.string) ?? .null), ("digest", resolved.digest.map { .string($0.description) } ?? .null)])
            } ?? .null),
            ("digest", image?.manifestDigest.map { .string($0.description) } ?? .null),
            ("configDigest", image.map { .string($0.configDigest.description) } ?? .null),
            ("platform", image?.platform.map { .string($0.description) } ?? .null),
            ("created", image?.configuration.created.map(JSONValue.string) ?? .null),
            ("totalBytes", .number(Int(space.totalBytes))),
            ("visibleBytes", .number(Int(space.visibleBytes))),
            ("reclaimableBytes", .number(Int(space.reclaimableBytes))),
            ("efficiency", .decimal(space.efficiency)),
            ("dive", .object([
                ("efficiency", .decimal(space.dive.efficiency)),
                ("wastedBytes", .number(Int(space.dive.wastedBytes))),
                ("userWastedPercent", .decimal(space.dive.userWastedPercent)),
            ])),
            ("layers", .array(space.layers.map { layer(report, $0) })),
            ("history", .array(report.history.entries.enumerated().map { history(report, $0.offset, $0.element) })),
            ("largest", .array(space.largestFiles.map(sized))),
            ("largestDirectories", .array(space.largestDirectories.map(sized))),
            ("wins", .array(report.wins.map { win in
                .object([("bytes", .number(Int(win.bytes))), ("action", .string(win.action)), ("layer", win.layer.map(JSONValue.number) ?? .null)])
            })),
        ])
    }

    private static func layer(_ report: ImageReport, _ layer: SpaceAnalysis.Layer) -> JSONValue {
        let blob = report.image?.layers[layer.index]
        let origin = report.origins.indices.contains(layer.index) ? report.origins[layer.index] : nil
        return .object([
            ("index", .number(layer.index)),
            ("digest", blob?.digest.map { .string($0.description) } ?? .null),
            ("diffID", blob.map { .string($0.diffID.description) } ?? .null),
            ("mediaType", blob?.mediaType.map(JSONValue.string) ?? .null),
            ("compressedSize", blob.map { .number(Int($0.storedSize)) } ?? .null),
            ("size", .number(Int(report.layerStreamSizes.indices.contains(layer.index) ? report.layerStreamSizes[layer.index] : 0))),
            ("addedBytes", .number(Int(layer.addedBytes))),
            ("files", .number(layer.files)),
            ("reclaimableBytes", .number(Int(layer.reclaimableBytes))),
            ("pathsAdded", .number(layer.pathsAdded)),
            ("pathsModified", .number(layer.pathsModified)),
            ("pathsRemoved", .number(layer.pathsRemoved)),
            ("createdBy", origin?.createdBy.map(JSONValue.string) ?? .null),
            ("fromBaseImage", .bool(origin?.fromBaseImage ?? false)),
            ("instruction", instruction(report, origin)),
        ])
    }

    private static func history(_ report: ImageReport, _ index: Int, _ entry: ImageConfiguration.HistoryEntry) -> JSONValue {
        let layer = report.history.layer(ofEntry: index)
        return .object([
            ("createdBy", entry.createdBy.map(JSONValue.string) ?? .null),
            ("created", entry.created.map(JSONValue.string) ?? .null),
            ("emptyLayer", .bool(entry.emptyLayer ?? false)),
            ("layer", layer.map(JSONValue.number) ?? .null),
        ])
    }

    private static func instruction(_ report: ImageReport, _ origin: LayerOrigin?) -> JSONValue {
        guard let instruction = origin?.instruction, let file = report.dockerfilePath else { return .null }
        return .object([("file", .string(file)), ("line", .number(instruction.startLine))])
    }

    private static func sized(_ entry: SpaceAnalysis.SizedPath) -> JSONValue {
        .object([("path", .string("/" + entry.path)), ("bytes", .number(Int(entry.bytes))), ("layer", entry.layer.map(JSONValue.number) ?? .null)])
    }
}
