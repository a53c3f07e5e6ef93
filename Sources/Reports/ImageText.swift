import Checks
import ContainerImage
import DockerfileSyntax

/// The text summary of an image: one line per layer with a size bar, then the biggest savings and largest files.
struct ImageText {
    var color: Bool

    func render(_ report: ImageReport) -> String {
        let space = report.space
        var output = "Image \(report.reference)"
        if let image = report.image {
            output += " (\(image.transport)\(image.platform.map { ", \($0)" } ?? ""), \(image.layers.count) \(image.layers.count == 1 ? "layer" : "layers"))"
        }
        output += "\n"
        output += "  \(ByteSize.format(space.totalBytes)) in layers, \(ByteSize.format(space.visibleBytes)) visible, "
            + "\(ByteSize.format(space.reclaimableBytes)) reclaimable; efficiency \(percent(space.efficiency)) "
            + "(dive would report \(percent(space.dive.efficiency)), wasted \(ByteSize.format(space.dive.wastedBytes)))\n\n"
        output += "  layer        size  reclaimable  \(pad("", 20))  made by\n"
        let largest = max(1, space.layers.map(\.addedBytes).max() ?? 1)
        for layer in space.layers {
            let origin = report.origins.indices.contains(layer.index) ? report.origins[layer.index] : nil
            output += "  " + leftPad(String(layer.index), 5)
            output += "  " + leftPad(ByteSize.format(layer.addedBytes), 10)
            output += "  " + leftPad(layer.reclaimableBytes == 0 ? "-" : ByteSize.format(layer.reclaimableBytes), 11)
            output += "  " + bar(layer.addedBytes, reclaimable: layer.reclaimableBytes, of: largest)
            output += "  " + madeBy(origin, dockerfile: report.dockerfilePath) + "\n"
        }
        output += "  bars: layer size against the largest layer; █ bytes that ship and count, ░ reclaimable (a later layer deletes or rewrites them)\n"
        if !report.wins.isEmpty {
            output += "\nBiggest wins:\n"
            for win in report.wins { output += "  remove \(ByteSize.format(win.bytes)): \(win.action)\n" }
        }
        if !space.largestFiles.isEmpty {
            output += "\nLargest files:\n"
            for file in space.largestFiles.prefix(5) {
                output += "  " + leftPad(ByteSize.format(file.bytes), 10) + "  /\(file.path)\(file.layer.map { " (layer \($0))" } ?? "")\n"
            }
        }
        return output + "\n"
    }

    /// `Dockerfile:3 RUN apt-get update …`, or the history entry, shortened.
    private func madeBy(_ origin: LayerOrigin?, dockerfile: String?) -> String {
        guard let origin else { return "" }
        let command = HistoryCommand(createdBy: origin.createdBy ?? "")
        var text = command.keyword.isEmpty ? command.text : command.keyword + " " + command.text
        if text.count > 70 { text = String(text.prefix(67)) + "..." }
        if origin.fromBaseImage { return "base image: " + text }
        if let instruction = origin.instruction, let dockerfile { return "\(dockerfile):\(instruction.startLine) " + text }
        return text
    }

    /// 20 cells: solid for visible bytes, shaded for reclaimable ones.
    private func bar(_ bytes: Int64, reclaimable: Int64, of largest: Int64) -> String {
        let cells = Int((Double(bytes) / Double(largest) * 20).rounded(.up))
        let wasted = bytes == 0 ? 0 : min(cells, Int((Double(reclaimable) / Double(bytes) * Double(cells)).rounded()))
        let text = String(repeating: "█", count: cells - wasted) + String(repeating: "░", count: wasted)
        return text + String(repeating: " ", count: 20 - cells)
    }

    private func percent(_ fraction: Double) -> String {
        let tenths = Int((fraction * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    private func leftPad(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
    private func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
}
