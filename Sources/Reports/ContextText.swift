import BuildContext
import Checks
import DockerfileSyntax

/// The text overview `plimsoll context` prints before its findings.
public enum ContextText {
    public static func render(_ report: ContextReport, topCount: Int = 10) -> String {
        let snapshot = report.snapshot
        var output = "Build context \(snapshot.root) (ignore file: \(snapshot.ignoreFile ?? "none"))\n"
        output += "  sends \(snapshot.files.count) files, \(ByteSize.format(snapshot.totalBytes))\n"
        let largest = snapshot.files.sorted { ($0.size, $1.path) > ($1.size, $0.path) }.prefix(topCount).filter { $0.size > 0 }
        if !largest.isEmpty {
            output += "  largest files:\n"
            for file in largest { output += "    \(ByteSize.format(file.size).leftPadded(10))  \(file.path)\n" }
        }
        var folders: [String: Int64] = [:]
        for file in snapshot.files {
            guard let slash = file.path.firstIndex(of: "/") else { continue }
            folders[String(file.path[..<slash]), default: 0] += file.size
        }
        let topFolders = folders.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(topCount)
        if !topFolders.isEmpty {
            output += "  largest top-level folders:\n"
            for (folder, size) in topFolders { output += "    \(ByteSize.format(size).leftPadded(10))  \(folder)/\n" }
        }
        if !report.copies.isEmpty {
            output += "  what COPY/ADD take from it:\n"
            let file = report.dockerfilePath ?? "Dockerfile"
            for copy in report.copies {
                let instruction = copy.step.instruction.keyword.uppercased() + " " + copy.step.instruction.rest.value
                output += "    \(file):\(copy.step.instruction.startLine)  \(instruction)  → \(copy.files.count) files, \(ByteSize.format(copy.totalBytes))\n"
            }
        }
        for problem in snapshot.problems { output += "  unreadable: \(problem.path): \(problem.message)\n" }
        return output + "\n"
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
