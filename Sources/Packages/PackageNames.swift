/// How ecosystems spell the same package name.
public enum PackageNames {
    /// PEP 503: lower case, every run of `-`, `_` and `.` one `-`.
    public static func pep503(_ name: String) -> String {
        var output = ""
        var inRun = false
        for character in name.lowercased() {
            if character == "-" || character == "_" || character == "." {
                if !inRun { output.append("-") }
                inRun = true
            } else {
                output.append(character)
                inRun = false
            }
        }
        return output
    }
}
