import Dispatch
import HostSystem
import Foundation
import Packages

/// The local advisory store: OSV records in SQLite, indexed by ecosystem and package name.
public final class AdvisoryDatabase {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// What an import did.
    public struct ImportSummary: Sendable {
        public var imported = 0
        public var replaced = 0
        /// Records already present with the same or a newer `modified`.
        public var unchanged = 0
        /// (record, reason) for records that were refused.
        public var rejected: [(String, String)] = []
        /// (record, what is ignored) for parts of stored records that matching cannot use.
        public var warnings: [(String, String)] = []
        /// Records stored under ecosystems plimsoll has no version ordering for, by ecosystem (never matched).
        public var unorderedEcosystems: [String: Int] = [:]
    }

    static let schemaVersion = 1
    static let indexes = """
        CREATE INDEX IF NOT EXISTS affected_package ON affected (ecosystem, name, advisory);
        CREATE INDEX IF NOT EXISTS affected_advisory ON affected (advisory);
        """
    public let path: String
    private let connection: SQLiteConnection

    /// Opens (or, unless `readOnly`, creates) the database; one from a newer plimsoll or a corrupt file is an error.
    public init(path: String, readOnly: Bool) throws(Failure) {
        self.path = path
        // A first run on a clean machine has no cache directory yet.
        if !readOnly, let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            let parent = String(path[..<slash])
            guard DirectoryCreation.makeAll(parent) else { throw Failure(description: "cannot create \(parent) for the advisory database") }
        }
        do {
            connection = try SQLiteConnection(path: path, readOnly: readOnly)
            // Matching reads thousands of scattered pages: mapped, they cost no system call each.
            try connection.execute("PRAGMA mmap_size = 1073741824")
            var version = 0
            try connection.prepare("PRAGMA user_version").run { version = $0.integer(0) }
            if version > Self.schemaVersion {
                throw Failure(description: "\(path) was written by a newer plimsoll (schema \(version)); delete it and run `plimsoll db update` (or `plimsoll db import`) again")
            }
            if version == 0, !readOnly {
                try connection.execute("""
                    PRAGMA page_size = 16384;
                    PRAGMA journal_mode = WAL;
                    CREATE TABLE IF NOT EXISTS advisories (id TEXT PRIMARY KEY, modified TEXT, withdrawn INTEGER, document BLOB NOT NULL) WITHOUT ROWID;
                    CREATE TABLE IF NOT EXISTS affected (advisory TEXT NOT NULL, ecosystem TEXT NOT NULL, name TEXT NOT NULL);
                    \(Self.indexes)
                    CREATE TABLE IF NOT EXISTS metadata (key TEXT PRIMARY KEY, value TEXT);
                    PRAGMA user_version = \(Self.schemaVersion);
                    """)
            } else if version == 0 {
                throw Failure(description: "\(path) is not a plimsoll advisory database; get one with `plimsoll db update` or `plimsoll db import`")
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            // Only a file that exists can be the damaged one.
            let advice = FileReader.exists(path) ? " (delete it and run `plimsoll db update` again)" : ""
            throw Failure(description: "\(path): \(error)\(advice)")
        }
    }

    /// The fields an import reads; the rest of a record is kept as its JSON for matching time.
    struct IndexEntry: Sendable {
        struct Package: Sendable {
            var ecosystem: String?
            var name: String?
        }
        struct Range: Sendable {
            var type: String
            var hasIntroduced: Bool
        }
        /// What matching will ignore in the record: unknown range types, versions its ecosystem cannot parse.
        var warnings: [String] = []
        /// Ecosystems of the record without a version ordering in plimsoll.
        var unordered: Set<String> = []
        struct Affected: Sendable {
            var package: Package?
            var ranges: [Range]?
        }
        var id: String
        var modified: String?
        var withdrawn: String?
        var affected: [Affected]?

        /// nil for malformed JSON or a record without an id.
        init?(_ bytes: [UInt8]) {
            guard let document = JSONSkimmer.parse(bytes, keeping: ["id", "modified", "withdrawn", "affected"]),
                  let id = document["id"]?.string else { return nil }
            self.id = id
            modified = document["modified"]?.string
            withdrawn = document["withdrawn"]?.string
            var warnings: [String] = []
            var unordered: Set<String> = []
            affected = document["affected"]?.array?.map { entry in
                let package = entry["package"].map { Package(ecosystem: $0["ecosystem"]?.string, name: $0["name"]?.string) }
                let ranges = entry["ranges"]?.array?.map { range in
                    Range(type: range["type"]?.string ?? "", hasIntroduced: range["events"]?.array?.contains { $0["introduced"] != nil } ?? false)
                }
                if let written = package?.ecosystem {
                    let ecosystem = Ecosystem(written)
                    if ecosystem.scheme == nil { unordered.insert(ecosystem.base) }
                    warnings += Self.ignoredParts(of: entry, ecosystem: ecosystem, package: package?.name ?? "?")
                }
                return Affected(package: package, ranges: ranges)
            }
            self.warnings = warnings
            self.unordered = unordered
        }

        /// Range types other than ECOSYSTEM, SEMVER and GIT, and event versions that do not parse in
        /// the range's ordering: matching skips both, so they never match by accident.
        static func ignoredParts(of entry: JSONSkimmer.Value, ecosystem: Ecosystem, package: String) -> [String] {
            var warnings: [String] = []
            for range in entry["ranges"]?.array ?? [] {
                let type = range["type"]?.string ?? ""
                guard type != "GIT" else { continue }
                guard type == "ECOSYSTEM" || type == "SEMVER" else {
                    warnings.append("a \(type.isEmpty ? "typeless" : type) range of \(package) is ignored (plimsoll reads ECOSYSTEM, SEMVER and GIT ranges)")
                    continue
                }
                let ordering = type == "SEMVER" ? Ecosystem("npm") : ecosystem
                guard ordering.scheme != nil else { continue }
                for event in range["events"]?.array ?? [] {
                    for key in ["introduced", "fixed", "last_affected", "limit"] {
                        guard let version = event[key]?.string, version != "0", version != "*", !ordering.accepts(version) else { continue }
                        warnings.append("\(key) version '\(version)' of \(package) is not a valid \(type == "SEMVER" ? "SemVer" : ecosystem.name) version; that range is ignored")
                    }
                }
            }
            return warnings
        }
    }

    /// Imports OSV documents (source name, JSON bytes) in one transaction.
    public func importRecords(_ documents: [(source: String, bytes: [UInt8])], updated: String) throws(Failure) -> ImportSummary {
        try importRecords(from: OSVDocuments(documents), updated: updated)
    }

    /// Records read per batch: each batch is inflated, decoded on every core, then written in order.
    static let batchSize = 16_384

    /// Imports every record of `source` in one transaction, a batch at a time.
    public func importRecords(from source: some OSVRecordSource, updated: String) throws(Failure) -> ImportSummary {
        var summary = ImportSummary()
        // A bulk load writes rows first and indexes them once at the end, which is several times faster.
        let bulk = source.count > 10_000
        // Through the WAL every page of a bulk load would be written twice (log, then checkpoint); a
        // rollback journal writes new pages once and journals only the few it changes. Readers keep
        // working until the commit; the database returns to WAL afterwards.
        if bulk { try? connection.execute("PRAGMA journal_mode = DELETE") }
        defer { if bulk { try? connection.execute("PRAGMA journal_mode = WAL") } }
        do {
            try connection.execute("PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536")
            try connection.execute("BEGIN IMMEDIATE")
            // (The advisory index stays: replacing a record deletes its rows by it.)
            if bulk { try connection.execute("DROP INDEX IF EXISTS affected_package") }
            let writer = try RecordWriter(connection)
            for start in stride(from: 0, to: source.count, by: Self.batchSize) {
                let documents = try source.documents(start..<min(source.count, start + Self.batchSize))
                for (document, entry) in zip(documents, Self.decodeConcurrently(documents)) {
                    try writer.write(document, entry, into: &summary)
                }
            }
            if bulk { try connection.execute(Self.indexes) }
            try setMetadata("updated", updated)
            try connection.execute("COMMIT")
        } catch {
            try? connection.execute("ROLLBACK")
            if let failure = error as? OSVArchive.Failure { throw Failure(description: failure.description) }
            throw Failure(description: "\(path): \(error)")
        }
        return summary
    }

    /// The statements an import runs for each record, prepared once.
    private struct RecordWriter {
        let existing: SQLiteConnection.Statement
        let deleteAffected: SQLiteConnection.Statement
        let upsert: SQLiteConnection.Statement
        let insertAffected: SQLiteConnection.Statement

        init(_ connection: SQLiteConnection) throws(SQLiteConnection.Failure) {
            existing = try connection.prepare("SELECT modified FROM advisories WHERE id = ?")
            deleteAffected = try connection.prepare("DELETE FROM affected WHERE advisory = ?")
            upsert = try connection.prepare("INSERT OR REPLACE INTO advisories (id, modified, withdrawn, document) VALUES (?, ?, ?, ?)")
            insertAffected = try connection.prepare("INSERT INTO affected (advisory, ecosystem, name) VALUES (?, ?, ?)")
        }

        /// Stores one record unless it is invalid, unusable or not newer than the stored one.
        func write(_ document: (source: String, bytes: [UInt8]), _ entry: IndexEntry?, into summary: inout ImportSummary) throws(SQLiteConnection.Failure) {
            guard let record = entry else {
                summary.rejected.append((document.source, "not a valid OSV record"))
                return
            }
            if let problem = AdvisoryDatabase.problem(with: record) {
                summary.rejected.append((record.id, problem))
                return
            }
            var stored: String??
            existing.bind([record.id])
            try existing.run { stored = .some($0.text(0)) }
            if let stored {
                if let old = stored, let new = record.modified, old >= new {
                    summary.unchanged += 1
                    return
                }
                summary.replaced += 1
                deleteAffected.bind([record.id])
                try deleteAffected.run()
            } else {
                summary.imported += 1
            }
            summary.warnings += record.warnings.map { (record.id, $0) }
            for ecosystem in record.unordered { summary.unorderedEcosystems[ecosystem, default: 0] += 1 }
            upsert.bind([record.id, record.modified, record.withdrawn == nil ? 0 : 1, document.bytes])
            try upsert.run()
            var seen = Set<String>()
            for affected in record.affected ?? [] {
                guard let written = affected.package?.ecosystem, let name = affected.package?.name else { continue }
                let ecosystem = AdvisoryDatabase.lookupEcosystem(written)
                let key = AdvisoryDatabase.lookupName(name, ecosystem: ecosystem)
                guard seen.insert(ecosystem + "\n" + key).inserted else { continue }
                insertAffected.bind([record.id, ecosystem, key])
                try insertAffected.run()
            }
        }
    }

    private static func decodeConcurrently(_ documents: [(source: String, bytes: [UInt8])]) -> [IndexEntry?] {
        let chunks = max(1, min(ProcessInfo.processInfo.activeProcessorCount * 4, documents.count / 256))
        var results = [[IndexEntry?]](repeating: [], count: chunks)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let lower = documents.count * chunk / chunks
                let upper = documents.count * (chunk + 1) / chunks
                slots[chunk] = documents[lower..<upper].map { IndexEntry($0.bytes) }
            }
        }
        return results.flatMap { $0 }
    }

    /// What matching cannot use: a range without an `introduced` event, an affected entry without
    /// a package (unless it only has GIT ranges, which describe commits, not packages).
    static func problem(with record: IndexEntry) -> String? {
        for affected in record.affected ?? [] {
            for range in affected.ranges ?? [] where !range.hasIntroduced {
                return "a \(range.type) range\(affected.package?.name.map { " of \($0)" } ?? "") has no introduced event"
            }
            let ranges = affected.ranges ?? []
            let gitOnly = !ranges.isEmpty && ranges.allSatisfy { $0.type == "GIT" }
            if !gitOnly, affected.package?.ecosystem == nil || affected.package?.name == nil { return "an affected entry has no package" }
        }
        return nil
    }

    /// Red Hat's ecosystems name a product stream and a repository (`Red Hat:enterprise_linux:9::appstream`);
    /// an image only tells the release, so they are indexed without the repository
    /// (`Red Hat:enterprise_linux:9`). Others as written.
    static func lookupEcosystem(_ ecosystem: String) -> String {
        guard ecosystem.hasPrefix("Red Hat:"), let repository = ecosystem.range(of: "::") else { return ecosystem }
        return String(ecosystem[..<repository.lowerBound])
    }

    /// PyPI names are matched in their PEP 503 form; others as written.
    static func lookupName(_ name: String, ecosystem: String) -> String {
        ecosystem == "PyPI" ? PackageNames.pep503(name) : name
    }

    /// The advisories naming a package in an ecosystem, withdrawn ones left out.
    public func advisories(ecosystem: String, name: String) throws(Failure) -> [Advisory] {
        var documents: [[UInt8]] = []
        do {
            let query = try connection.prepare("""
                SELECT a.document FROM affected f JOIN advisories a ON a.id = f.advisory
                WHERE f.ecosystem = ? AND f.name = ? AND a.withdrawn = 0 ORDER BY a.id
                """)
            query.bind([ecosystem, Self.lookupName(name, ecosystem: ecosystem)])
            try query.run { documents.append($0.blob(0)) }
        } catch {
            throw Failure(description: "\(path): \(error)")
        }
        return documents.compactMap { try? Advisory.decode($0) }
    }

    /// A value kept beside the records (the last update time, each archive's validators).
    public func metadata(_ key: String) throws(Failure) -> String? {
        var value: String?
        do {
            let query = try connection.prepare("SELECT value FROM metadata WHERE key = ?")
            query.bind([key])
            try query.run { value = $0.text(0) }
        } catch {
            throw Failure(description: "\(path): \(error)")
        }
        return value
    }

    public func setMetadata(_ key: String, _ value: String?) throws(Failure) {
        do {
            let statement = try connection.prepare(value == nil ? "DELETE FROM metadata WHERE key = ?" : "INSERT OR REPLACE INTO metadata (key, value) VALUES (?, ?)")
            statement.bind([key, value])
            try statement.run()
        } catch {
            throw Failure(description: "\(path): \(error)")
        }
    }

    /// A consistent copy of the whole database in a new file, taken while others may read this one.
    public func copy(to destination: String) throws(Failure) {
        do {
            let statement = try connection.prepare("VACUUM INTO ?")
            statement.bind([destination])
            try statement.run()
        } catch {
            throw Failure(description: "cannot copy \(path) to \(destination): \(error)")
        }
    }

    /// Record counts per ecosystem and when the database was last written.
    public func info() throws(Failure) -> (ecosystems: [(String, Int)], records: Int, updated: String?) {
        var ecosystems: [(String, Int)] = []
        var records = 0
        do {
            try connection.prepare("SELECT ecosystem, COUNT(DISTINCT advisory) FROM affected GROUP BY ecosystem ORDER BY ecosystem")
                .run { ecosystems.append(($0.text(0) ?? "", $0.integer(1))) }
            try connection.prepare("SELECT COUNT(*) FROM advisories").run { records = $0.integer(0) }
        } catch {
            throw Failure(description: "\(path): \(error)")
        }
        return (ecosystems, records, try metadata("updated"))
    }
}
