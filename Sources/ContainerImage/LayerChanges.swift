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

    /// Bytes of regular-file content the layer stores.
    public var addedBytes: Int64 { entries.reduce(0) { $0 + ($1.kind == .regular ? $1.size : 0) } }

    /// Entries that are not directories.
    public var fileCount: Int { entries.count { $0.kind != .directory } }
}
