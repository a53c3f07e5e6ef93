/// The members of an outer tar archive (a docker-archive or oci-archive), indexed by path from
/// their headers alone; member data is read later straight from the file.
struct ArchiveMembers {
    /// More members than any real archive has; a hostile archive cannot make the index grow without bound.
    static let maximumMembers = 1_000_000

    private struct Member {
        var kind: TarEntryKind
        var region: FileRegion
        var linkTarget: String
    }

    let file: OpenFile
    private var members: [String: Member] = [:]

    init(file: OpenFile) throws(ImageError) {
        self.file = file
        let path = file.path
        let reader = TarReader(FileRegionStream(FileRegion(file: file, offset: 0, length: file.size)), bufferSize: 16 * 1024) { reason in
            .notAnImage(path: path, reason: reason)
        }
        while let entry = try reader.next() {
            guard let name = ArchivePath.clean(entry.name) else { continue }
            guard members.count < Self.maximumMembers else { throw .tooLarge(what: "the archive's member list", limit: Int64(Self.maximumMembers)) }
            members[name] = Member(kind: entry.kind, region: FileRegion(file: file, offset: reader.dataOffset, length: entry.dataSize),
                                   linkTarget: entry.linkTarget)
        }
    }

    func contains(_ path: String) -> Bool { members[path] != nil }

    /// The bytes of `path`, following symbolic and hard links inside the archive (skopeo links legacy layer paths).
    func region(_ path: String) throws(ImageError) -> FileRegion? {
        guard var current = ArchivePath.clean(path) else {
            throw .notAnImage(path: file.path, reason: "`\(path)` points outside the archive")
        }
        for _ in 0..<16 {
            guard let member = members[current] else { return nil }
            switch member.kind {
            case .regular: return member.region
            case .symbolicLink, .hardLink:
                let base = member.kind == .symbolicLink && !member.linkTarget.hasPrefix("/") ? ArchivePath.parent(current) : ""
                guard let next = ArchivePath.clean(base.isEmpty ? member.linkTarget : base + "/" + member.linkTarget) else {
                    throw .notAnImage(path: file.path, reason: "`\(current)` links outside the archive")
                }
                current = next
            default:
                throw .notAnImage(path: file.path, reason: "`\(current)` is not a file")
            }
        }
        throw .notAnImage(path: file.path, reason: "`\(path)` is a loop of links")
    }
}
