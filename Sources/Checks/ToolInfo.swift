/// Name and version reported in every output format.
public enum ToolInfo {
    public static let name = "plimsoll"
    public static let version = "0.1.0"
    public static let informationURI = "https://github.com/plimsoll-dev/plimsoll"
}
