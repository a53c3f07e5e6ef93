/// Looks at a file's bytes as they stream past, without keeping the file: finds and extracts a
/// small piece (a Go binary's build information, say) wherever it is in a large file.
public protocol ContentInspector: AnyObject {
    /// The next piece of the file; return false once nothing more is needed.
    func consume(_ bytes: UnsafeRawBufferPointer) -> Bool
    /// What was extracted, if anything.
    var extracted: [UInt8]? { get }
}
