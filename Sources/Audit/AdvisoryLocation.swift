import Advisories
import HostSystem
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the advisory database lives: the path given, else `PLIMSOLL_DB`, else
/// `advisories.sqlite` in plimsoll's cache directory.
public struct AdvisoryLocation: Sendable {
    public var path: String

    public init(_ explicit: String? = nil) {
        if let explicit {
            path = explicit
        } else if let environment = Environment.value("PLIMSOLL_DB") {
            path = environment
        } else {
            path = (CacheDirectory.resolved ?? ".cache/plimsoll") + "/advisories.sqlite"
        }
    }

    public var exists: Bool { access(path, F_OK) == 0 }

    /// Opens the database; read-only needs one to exist, read-write creates its directory.
    public func open(readOnly: Bool) throws(AuditError) -> AdvisoryDatabase {
        if readOnly, !exists {
            throw AuditError("no advisory database at \(path); get one with `plimsoll db update`, or load OSV records with `plimsoll db import FILE.zip|DIR|FILE.json`")
        }
        if !readOnly { _ = prepared() }
        do {
            return try AdvisoryDatabase(path: path, readOnly: readOnly)
        } catch {
            throw AuditError(error.description)
        }
    }

    /// The database when there is one; without it, an image is audited without vulnerabilities and the note says how to add them.
    public func openIfPresent() throws(AuditError) -> (database: AdvisoryDatabase?, note: AuditNote?) {
        guard exists else {
            return (nil, AuditNote(.note, "no advisory database at \(path), so known vulnerabilities were not checked; get one with `plimsoll db update`"))
        }
        return (try open(readOnly: true), nil)
    }

    /// The path, with its directory created so a new database can be written there.
    public func prepared() -> String {
        let directory = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        if !directory.isEmpty { _ = mkdir(directory, 0o755) }
        return path
    }
}
