import Checks

/// Finds and loads a project's `.plimsoll.yaml`.
public enum ConfigurationFile {
    /// The configuration at `path`, else the nearest `.plimsoll.yaml` from `directory` upward, else the defaults.
    public static func load(_ path: String?, searchingFrom directory: String) throws(AuditError) -> Configuration {
        guard let path = path ?? InputFiles.findUpward(ConfigurationLoader.fileName, from: directory) else { return Configuration() }
        let bytes = try InputFiles.read(path, as: .configuration)
        do {
            return try ConfigurationLoader.load(yaml: String(decoding: bytes, as: UTF8.self), path: path)
        } catch {
            throw AuditError(error.description)
        }
    }
}
