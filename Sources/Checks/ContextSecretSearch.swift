import HostSystem
import BuildContext
import Dispatch
import SecretScanning

/// Looks for credentials among the files a build sends: every file by name, and by content
/// the files a COPY carries into the image plus the sent files whose names suggest configuration.
/// Contents of other sent files (sources, assets, dependencies) are not read, so a large context
/// stays cheap to check.
enum ContextSecretSearch {
    static let configurationExtensions: Set<String> = [
        "env", "json", "yaml", "yml", "ini", "cfg", "conf", "config", "properties", "toml", "xml", "pem", "key",
        "tfvars", "tfstate", "npmrc", "pypirc", "netrc", "sh", "txt", "credentials",
    ]

    /// Searches in parallel chunks (file reads dominate); results keep the snapshot's order.
    static func search(_ snapshot: ContextSnapshot, copied: Set<String>, diskPath: @Sendable (String) -> String) -> [ContextSecret] {
        let files = snapshot.files.filter { $0.kind == .file && !$0.path.hasPrefix(".git/") }
        let chunkCount = max(1, min(8, files.count / 512))
        var results = [[ContextSecret]](repeating: [], count: chunkCount)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                let lower = files.count * chunk / chunkCount, upper = files.count * (chunk + 1) / chunkCount
                slots[chunk] = files[lower..<upper].flatMap { search($0, copied: copied, diskPath: diskPath) }
            }
        }
        return results.flatMap { $0 }
    }

    private static func search(_ file: ContextEntry, copied: Set<String>, diskPath: (String) -> String) -> [ContextSecret] {
        var content: [UInt8]??
        let location = diskPath(file.path)
        let read = { () -> [UInt8]? in
            if let content { return content }
            let bytes = file.size <= Int64(SecretScanner.byteLimit) ? FileReader.readPrefix(location, limit: Int(file.size)) : nil
            content = .some(bytes)
            return bytes
        }
        if let sensitive = SensitiveFile.classify(file.path, content: read) {
            return [ContextSecret(path: file.path, line: 1, title: sensitive.title, masked: nil)]
        }
        guard file.size <= Int64(SecretScanner.byteLimit), copied.contains(file.path) || looksLikeConfiguration(file.path),
              let bytes = read() else { return [] }
        return SecretScanner.scan(bytes).map { match in
            ContextSecret(path: file.path, line: match.line, title: match.kind.title, masked: match.masked)
        }
    }

    static func looksLikeConfiguration(_ path: String) -> Bool {
        let bytes = path.utf8
        let nameStart = bytes.lastIndex(of: UInt8(ascii: "/")).map { bytes.index(after: $0) } ?? bytes.startIndex
        let name = bytes[nameStart...]
        if name.first == UInt8(ascii: ".") { return true }
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")) else { return true }
        return configurationExtensions.contains(String(decoding: name[name.index(after: dot)...], as: UTF8.self).lowercased())
    }
}
