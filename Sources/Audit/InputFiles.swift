import HostSystem
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BuildContext

/// What an input file is meant to be, so a refusal names what was expected of it.
public enum InputKind: Sendable {
    case dockerfile, configuration, sbom, advisoryRecord

    /// Larger inputs are refused, not loaded: no real file of the kind is anywhere near this.
    public var sizeLimit: Int {
        switch self {
        case .dockerfile, .advisoryRecord: 128 << 20
        case .configuration: 1 << 20
        case .sbom: 512 << 20
        }
    }

    var noun: String {
        switch self {
        case .dockerfile: "a Dockerfile"
        case .configuration: "a plimsoll configuration"
        case .sbom: "an SBOM plimsoll reads"
        case .advisoryRecord: "an OSV record"
        }
    }
}

/// Reading inputs with plain POSIX calls: clear errors, bounded memory, a fast start.
public enum InputFiles {
    public static func read(_ path: String, as kind: InputKind) throws(AuditError) -> [UInt8] {
        do {
            return try FileReader.read(path, limit: kind.sizeLimit)
        } catch {
            throw refusal(error, name: path, kind: kind)
        }
    }

    public static func readStandardInput(as kind: InputKind) throws(AuditError) -> [UInt8] {
        do {
            return try FileReader.readAll(STDIN_FILENO, name: "standard input", limit: kind.sizeLimit)
        } catch {
            throw refusal(error, name: "standard input", kind: kind)
        }
    }

    private static func refusal(_ error: FileReadError, name: String, kind: InputKind) -> AuditError {
        guard error.reason.hasPrefix("larger than") else { return AuditError(error.description) }
        return AuditError("\(name) is \(error.reason); that is too large for \(kind.noun)")
    }

    /// `name` in `directory` or the nearest parent that has it.
    public static func findUpward(_ name: String, from directory: String) -> String? {
        var current = directory
        for _ in 0..<64 {
            let candidate = current.hasSuffix("/") ? current + name : current + "/" + name
            if access(candidate, F_OK) == 0 { return candidate }
            let parent = current == "." ? ".." : current + "/.."
            var resolved = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            guard realpath(parent, &resolved) != nil else { return nil }
            var here = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            guard realpath(current, &here) != nil, String(cString: here) != String(cString: resolved) else { return nil }
            current = parent
        }
        return nil
    }
}
