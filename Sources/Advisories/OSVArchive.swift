/// OSV's bulk archives (`<ecosystem>/all.zip`): one JSON record per member.
public enum OSVArchive {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The `.json` members; an entry whose name climbs out of the archive (`../`, `/etc/…`) makes the
    /// whole archive suspect, so it is refused rather than skipped.
    public static func records(_ bytes: [UInt8]) throws(Failure) -> [(name: String, bytes: [UInt8])] {
        do {
            let archive = try ZipArchive(bytes)
            var records: [(name: String, bytes: [UInt8])] = []
            for member in archive.members where !member.name.hasSuffix("/") {
                let components = member.name.split(separator: "/", omittingEmptySubsequences: false)
                if member.name.hasPrefix("/") || components.contains("..") || member.name.contains("\\") {
                    throw Failure(description: "the archive has an entry outside it: \(member.name)")
                }
                guard member.name.hasSuffix(".json") else { continue }
                records.append((member.name, try archive.content(of: member)))
            }
            return records
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "\(error)")
        }
    }
}
