/// What a tar header says an entry is.
public enum TarEntryKind: String, Sendable {
    case regular
    case hardLink
    case symbolicLink
    case characterDevice
    case blockDevice
    case directory
    case fifo
    case other
}

/// One member of a tar stream, after pax and GNU extension headers are applied.
public struct TarEntry: Sendable {
    /// The name as stored (long-name extensions applied), before any cleaning.
    public var name: String
    public var kind: TarEntryKind
    /// The file's size; for a sparse file its logical size, for links, devices and directories 0.
    public var size: Int64
    public var mode: UInt32
    public var uid: Int
    public var gid: Int
    public var linkTarget: String
    /// Bytes of data that follow the header in the stream.
    var dataSize: Int64
}
