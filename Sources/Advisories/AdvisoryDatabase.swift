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
    }

    static let schemaVersion = 1
    public let path: String
    private let connection: SQLiteConnection

    /// Opens (or, unless `readOnly`, creates) the database; one from a newer plimsoll or a corrupt file is an error.
    public init(path: String, readOnly: Bool) throws(Failure) {
        self.path = path
        do {
            connection = try SQLiteConnection(path: path, readOnly: readOnly)
            var version = 0
            try connection.prepare("PRAGMA user_version").run { version = $0.integer(0) }
            if version > Self.schemaVersion {
                throw Failure(description: "\(path) was written by a newer plimsoll (schema \(version)); run `plimsoll db update` or delete it")
            }
            if version == 0, !readOnly {
                try connection.execute("""
                    PRAGMA journal_mode = WAL;
                    CREATE TABLE IF NOT EXISTS advisories (id TEXT PRIMARY KEY, modified TEXT, withdrawn INTEGER, document BLOB NOT NULL);
                    CREATE TABLE IF NOT EXISTS affected (advisory TEXT NOT NULL, ecosystem TEXT NOT NULL, name TEXT NOT NULL);
                    CREATE INDEX IF NOT EXISTS affected_package ON affected (ecosystem, name);
                    CREATE INDEX IF NOT EXISTS affected_advisory ON affected (advisory);
                    CREATE TABLE IF NOT EXISTS metadata (key TEXT PRIMARY KEY, value TEXT);
                    PRAGMA user_version = \(Self.schemaVersion);
                    """)
            } else if version == 0 {
                throw Failure(description: "\(path) is not a plimsoll advisory database; run `plimsoll db import` or `plimsoll db update`")
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "\(path): \(error) (delete it and import again)")
        }
    }

    /// Imports OSV documents (source name, JSON bytes) in one transaction.
    public func importRecords(_ documents: [(source: String, bytes: [UInt8])], updated: String) throws(Failure) -> ImportSummary {
        var summary = ImportSummary()
        do {
            try connection.execute("BEGIN IMMEDIATE")
            let existing = try connection.prepare("SELECT modified FROM advisories WHERE id = ?")
            let deleteAffected = try connection.prepare("DELETE FROM affected WHERE advisory = ?")
            let upsert = try connection.prepare("INSERT OR REPLACE INTO advisories (id, modified, withdrawn, document) VALUES (?, ?, ?, ?)")
            let insertAffected = try connection.prepare("INSERT INTO affected (advisory, ecosystem, name) VALUES (?, ?, ?)")
            for document in documents {
                let record: Advisory
                do {
                    record = try Advisory.decode(document.bytes)
                } catch {
                    summary.rejected.append((document.source, "not a valid OSV record"))
                    continue
                }
                if let problem = Self.problem(with: record) {
                    summary.rejected.append((record.id, problem))
                    continue
                }
                var stored: String??
                existing.bind([record.id])
                try existing.run { stored = .some($0.text(0)) }
                if let stored {
                    if let old = stored, let new = record.modified, old >= new {
                        summary.unchanged += 1
                        continue
                    }
                    summary.replaced += 1
                    deleteAffected.bind([record.id])
                    try deleteAffected.run()
                } else {
                    summary.imported += 1
                }
                upsert.bind([record.id, record.modified, record.withdrawn == nil ? 0 : 1, document.bytes])
                try upsert.run()
                var seen = Set<String>()
                for affected in record.affected ?? [] {
                    guard let ecosystem = affected.package?.ecosystem, let name = affected.package?.name else { continue }
                    let key = Self.lookupName(name, ecosystem: ecosystem)
                    guard seen.insert(ecosystem + "\n" + key).inserted else { continue }
                    insertAffected.bind([record.id, ecosystem, key])
                    try insertAffected.run()
                }
            }
            let metadata = try connection.prepare("INSERT OR REPLACE INTO metadata (key, value) VALUES ('updated', ?)")
            metadata.bind([updated])
            try metadata.run()
            try connection.execute("COMMIT")
        } catch {
            try? connection.execute("ROLLBACK")
            throw Failure(description: "\(path): \(error)")
        }
        return summary
    }

    /// What matching cannot use: a range without an `introduced` event, an affected entry without
    /// a package (unless it only has GIT ranges, which describe commits, not packages).
    static func problem(with record: Advisory) -> String? {
        for affected in record.affected ?? [] {
            for range in affected.ranges ?? [] where !range.events.contains(where: { $0.introduced != nil }) {
                return "a \(range.type) range\(affected.package?.name.map { " of \($0)" } ?? "") has no introduced event"
            }
            let ranges = affected.ranges ?? []
            let gitOnly = !ranges.isEmpty && ranges.allSatisfy { $0.type == "GIT" }
            if !gitOnly, affected.package?.ecosystem == nil || affected.package?.name == nil { return "an affected entry has no package" }
        }
        return nil
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

    /// Record counts per ecosystem and when the database was last written.
    public func info() throws(Failure) -> (ecosystems: [(String, Int)], records: Int, updated: String?) {
        var ecosystems: [(String, Int)] = []
        var records = 0
        var updated: String?
        do {
            try connection.prepare("SELECT ecosystem, COUNT(DISTINCT advisory) FROM affected GROUP BY ecosystem ORDER BY ecosystem")
                .run { ecosystems.append(($0.text(0) ?? "", $0.integer(1))) }
            try connection.prepare("SELECT COUNT(*) FROM advisories").run { records = $0.integer(0) }
            try connection.prepare("SELECT value FROM metadata WHERE key = 'updated'").run { updated = $0.text(0) }
        } catch {
            throw Failure(description: "\(path): \(error)")
        }
        return (ecosystems, records, updated)
    }
}
