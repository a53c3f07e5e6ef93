/// OSV's bulk archives (`<ecosystem>/all.zip`): one JSON record per member, inflated a batch at a
/// time as an import asks for them.
public struct OSVArchive: OSVRecordSource {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    private let archive: ZipArchive
    private let records: [ZipArchive.Member]
    /// The archive's name in messages: `all.zip: …`, and `all.zip:GHSA-….json` for one record.
    private let name: String

    /// Reads the archive's directory. An entry whose name climbs out of the archive (`../`,
    /// `/etc/…`) makes the whole archive suspect, so it is refused rather than skipped.
    public init(_ bytes: [UInt8], name: String = "") throws(Failure) {
        try self.init(bytes as any ZipBytes, name: name)
    }

    /// The archive at `path`, read member by member rather than loaded whole.
    public init(contentsOf path: String, name: String) throws(Failure) {
        do {
            try self.init(try ZipFile(path: path), name: name)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "\(error)")
        }
    }

    private init(_ bytes: any ZipBytes, name: String) throws(Failure) {
        do {
            archive = try ZipArchive(bytes)
        } catch {
            throw Failure(description: "\(error)")
        }
        for member in archive.members where !member.name.hasSuffix("/") {
            let components = member.name.split(separator: "/", omittingEmptySubsequences: false)
            if member.name.hasPrefix("/") || components.contains("..") || member.name.contains("\\") {
                throw Failure(description: "the archive has an entry outside it: \(member.name)")
            }
        }
        records = archive.members.filter { $0.name.hasSuffix(".json") }
        self.name = name
    }

    public var count: Int { records.count }

    public func documents(_ range: Range<Int>) throws -> [(source: String, bytes: [UInt8])] {
        do {
            return try records[range].map { member throws(ZipArchive.Failure) in
                (name.isEmpty ? member.name : name + ":" + member.name, try archive.content(of: member))
            }
        } catch {
            throw Failure(description: name.isEmpty ? "\(error)" : "\(name): \(error)")
        }
    }

    /// Every record at once, for small archives and tests.
    public static func records(_ bytes: [UInt8]) throws -> [(name: String, bytes: [UInt8])] {
        let archive = try OSVArchive(bytes)
        return try archive.documents(0..<archive.count).map { ($0.source, $0.bytes) }
    }
}
