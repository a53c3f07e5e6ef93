import Advisories
import HostSystem
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// OSV records from the forms `db import` takes.
public enum OSVSources {
    public static func read(_ source: String) throws(AuditError) -> any OSVRecordSource {
        if source.hasSuffix(".zip") {
            do {
                return try OSVArchive(contentsOf: source, name: source)
            } catch {
                throw AuditError("\(source): \(error)")
            }
        }
        var status = stat()
        if stat(source, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            guard let entries = DirectoryListing.entries(of: source) else { throw AuditError("cannot read \(source)") }
            let names = entries.map(\.name).filter { $0.hasSuffix(".json") }
            return OSVDocuments(try names.sorted().map { (name) throws(AuditError) in (source + "/" + name, try InputFiles.read(source + "/" + name, as: .advisoryRecord)) })
        }
        return OSVDocuments([(source, try InputFiles.read(source, as: .advisoryRecord))])
    }
}
