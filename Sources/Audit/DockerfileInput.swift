import DockerfileSyntax

extension SourceFile {
    /// A Dockerfile named by a user: a path, or `-` for standard input.
    public static func dockerfile(_ path: String) throws(AuditError) -> SourceFile {
        SourceFile(path: path, bytes: path == "-" ? try InputFiles.readStandardInput(as: .dockerfile) : try InputFiles.read(path, as: .dockerfile))
    }
}
