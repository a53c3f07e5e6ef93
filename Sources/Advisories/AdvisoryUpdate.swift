import Foundation

/// `db update`: fetches OSV's bulk archives (`<mirror>/<Ecosystem>/all.zip`) and loads them into a
/// copy of the database, which replaces the original only when every archive arrived and imported,
/// so a dropped connection or a corrupt archive leaves the old database as it was.
public struct AdvisoryUpdate: Sendable {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// What happened to one ecosystem's archive.
    public enum Result: Sendable {
        case unchanged
        case imported(AdvisoryDatabase.ImportSummary)
    }

    public static let defaultMirror = "https://osv-vulnerabilities.storage.googleapis.com"
    /// The ecosystems whose packages plimsoll catalogs (or reads from SBOMs) and matches.
    public static let defaultEcosystems = ["Alpine", "Debian", "Ubuntu", "Red Hat", "AlmaLinux", "Rocky Linux", "PyPI", "npm", "Go", "Maven", "RubyGems", "crates.io"]

    public var mirror: String
    public var ecosystems: [String]
    public var progress: Bool

    public init(mirror: String, ecosystems: [String], progress: Bool) {
        self.mirror = mirror.hasSuffix("/") ? String(mirror.dropLast()) : mirror
        self.ecosystems = ecosystems
        self.progress = progress
    }

    /// The archive of one ecosystem; `Red Hat` and `crates.io` are path segments, so they are escaped.
    public func archiveURL(_ ecosystem: String) -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~:"))
        return "\(mirror)/\(ecosystem.addingPercentEncoding(withAllowedCharacters: allowed) ?? ecosystem)/all.zip"
    }

    /// Updates the database at `path` (created when missing); `report` hears about each ecosystem.
    /// Archives are fetched first; only when one changed is the database copied and rebuilt, so an
    /// update that finds nothing new costs one conditional request per ecosystem.
    public func run(database path: String, updated: String, report: (String, Result) -> Void) throws(Failure) {
        let staging = "\(path).updating-\(getpid())"
        var downloads: [(ecosystem: String, file: String, validators: ArchiveDownload.Validators)] = []
        defer {
            for leftover in [staging, staging + "-wal", staging + "-shm", staging + "-journal"] + downloads.map(\.file) { unlink(leftover) }
        }
        do {
            let exists = access(path, F_OK) == 0
            let current = exists ? try AdvisoryDatabase(path: path, readOnly: true) : nil
            for (index, ecosystem) in ecosystems.enumerated() {
                let known = ArchiveDownload.Validators(etag: try current?.metadata("etag:" + ecosystem),
                                                       lastModified: try current?.metadata("last-modified:" + ecosystem))
                let file = "\(staging)-\(index).zip"
                switch try ArchiveDownload.fetch(archiveURL(ecosystem), to: file, validators: known, progress: progress) {
                case .notModified: report(ecosystem, .unchanged)
                case .downloaded(let validators): downloads.append((ecosystem, file, validators))
                }
            }
            guard !downloads.isEmpty || !exists else {
                try AdvisoryDatabase(path: path, readOnly: false).setMetadata("updated", updated)
                return
            }
            try current?.copy(to: staging)
            let next = try AdvisoryDatabase(path: staging, readOnly: false)
            for download in downloads {
                report(download.ecosystem, .imported(try load(download, into: next, updated: updated)))
            }
            try next.setMetadata("updated", updated)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "\(error)")
        }
        // The staging connection is closed (and its WAL folded in) by now; rename is atomic.
        guard rename(staging, path) == 0 else {
            throw Failure(description: "cannot replace \(path): \(String(cString: strerror(errno)))")
        }
    }

    private func load(_ download: (ecosystem: String, file: String, validators: ArchiveDownload.Validators), into database: AdvisoryDatabase,
                      updated: String) throws -> AdvisoryDatabase.ImportSummary {
        let url = archiveURL(download.ecosystem)
        let archive: OSVArchive
        do {
            archive = try OSVArchive(contentsOf: download.file, name: url)
        } catch {
            throw Failure(description: "\(url): \(error)")
        }
        let summary = try database.importRecords(from: archive, updated: updated)
        try database.setMetadata("etag:" + download.ecosystem, download.validators.etag)
        try database.setMetadata("last-modified:" + download.ecosystem, download.validators.lastModified)
        return summary
    }
}
