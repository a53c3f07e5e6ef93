/// One path a layer writes, as its tar entry describes it.
public struct FileChange: Sendable {
    /// Relative to the root, cleaned: `usr/bin/env`.
    public var path: String
    public var kind: TarEntryKind
    /// Bytes of file content (regular files only; hard links carry none of their own).
    public var size: Int64
    public var mode: UInt32
    public var uid: Int
    public var gid: Int
    /// For symbolic links the target as written; for hard links the cleaned path of the linked file.
    public var linkTarget: String?
}

/// What one layer changes, straight from its tar: the entries it writes and the paths it deletes.
/// Whether an entry adds or modifies a path only shows against lower layers, in ``FileTree``.
public struct LayerChanges: Sendable {
    public var index: Int
    public var entries: [FileChange]
    /// Paths the layer deletes from lower layers (`.wh.NAME`).
    public var whiteouts: [String]
    /// Directories whose lower-layer contents the layer hides (`.wh..wh..opq`).
    public var opaqueDirectories: [String]
    public var compression: Compression
    /// Bytes of the uncompressed tar stream.
    public var uncompressedSize: Int64
    /// Content captured for entries an analysis asked for, by entry index.
    public var captured: [Int: [UInt8]]
    public var capturedBytes = 0
    /// What content inspectors extracted from entries they streamed through, by entry index.
    public var extracted: [Int: [UInt8]] = [:]
    /// Files an analysis asked for that the capture budget left unread.
    public var uncapturedCandidates = 0

    /// Bytes of regular-file content the layer stores.
    public var addedBytes: Int64 { entries.reduce(0) { $0 + ($1.kind == .regular ? $1.size : 0) } }

    /// Entries that are not directories.
    public var fileCount: Int { entries.count { $0.kind != .directory } }
}

extension LayerChanges {
    public init(index: Int, compression: Compression = .none) {
        self.init(index: index, entries: [], whiteouts: [], opaqueDirectories: [], compression: compression, uncompressedSize: 0, captured: [:])
    }

    /// Records one tar entry by its stored name: whiteout names become deletions, the root is
    /// skipped, paths are cleaned. Returns the index of the new entry, if one was added.
    public mutating func append(name: String, kind: TarEntryKind, size: Int64, mode: UInt32 = 0o644, uid: Int = 0, gid: Int = 0,
                                linkTarget: String = "") throws(ImageError) -> Int? {
        guard let path = ArchivePath.clean(name) else {
            throw .unsafeEntry(layer: index, path: name, reason: "`..` climbs above the root")
        }
        guard !path.isEmpty else { return nil }
        let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
        let base = slash.map { path[path.utf8.index(after: $0)...] } ?? Substring(path)
        if base.hasPrefix(Whiteout.prefix) {
            let parent = slash.map { String(path[..<$0]) } ?? ""
            if base == Whiteout.opaqueMarker {
                opaqueDirectories.append(parent)
            } else if !base.hasPrefix(Whiteout.metadataPrefix) {
                let hidden = base.dropFirst(Whiteout.prefix.count)
                whiteouts.append(parent.isEmpty ? String(hidden) : parent + "/" + hidden)
            }
            return nil
        }
        var target: String?
        switch kind {
        case .hardLink:
            guard let cleaned = ArchivePath.clean(linkTarget), !cleaned.isEmpty else {
                throw .unsafeEntry(layer: index, path: path, reason: "its hard link target `\(linkTarget)` is outside the root")
            }
            target = cleaned
        case .symbolicLink:
            target = linkTarget
        default:
            break
        }
        entries.append(FileChange(path: path, kind: kind, size: kind == .regular ? size : 0, mode: mode, uid: uid, gid: gid,
                                  linkTarget: target))
        return entries.count - 1
    }
}

/// OCI whiteout names (image-spec layer.md).
enum Whiteout {
    static let prefix = ".wh."
    static let opaqueMarker = ".wh..wh..opq"
    /// aufs bookkeeping names such as `.wh..wh.plnk`, which carry no meaning for the image.
    static let metadataPrefix = ".wh..wh."
}
