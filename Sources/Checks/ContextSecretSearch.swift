import BuildContext
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

    static func search(_ snapshot: ContextSnapshot, copied: Set<String>, diskPath: (String) -> String) -> [ContextSecret] {
        var found: [ContextSecret] = []
        for file in snapshot.files where file.kind == .file {
            if file.path.hasPrefix(".git/") { continue }
            var content: [UInt8]??
            let location = diskPath(file.path)
            let read = { () -> [UInt8]? in
                if let content { return content }
                let bytes = file.size <= Int64(SecretScanner.byteLimit) ? FileReader.readPrefix(location, limit: SecretScanner.byteLimit) : nil
                content = .some(bytes)
                return bytes
            }
            if let sensitive = SensitiveFile.classify(file.path, content: read) {
                found.append(ContextSecret(path: file.path, line: 1, title: sensitive.title, masked: nil))
                continue
            }
            guard file.size <= Int64(SecretScanner.byteLimit), copied.contains(file.path) || looksLikeConfiguration(file.path),
                  let bytes = read() else { continue }
            for match in SecretScanner.scan(bytes) {
                found.append(ContextSecret(path: file.path, line: match.line, title: match.kind.title, masked: match.masked))
            }
        }
        return found
    }

    static func looksLikeConfiguration(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if name.hasPrefix(".") { return true }
        guard let dot = name.lastIndex(of: ".") else { return true }
        return configurationExtensions.contains(name[name.index(after: dot)...].lowercased())
    }
}
