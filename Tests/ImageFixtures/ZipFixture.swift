import Foundation

/// Zip archives for the advisory tests, written by Python's zipfile since Foundation has no writer.
public enum ZipFixture {
    public static func make(_ members: [String: [UInt8]], deflate: Bool = false) throws -> [UInt8] {
        let directory = TemporaryDirectory()
        let script = """
            import sys, zipfile, json
            members = json.loads(sys.stdin.read())
            with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED if sys.argv[2] == "1" else zipfile.ZIP_STORED) as archive:
                for name, data in members.items(): archive.writestr(name, bytes(data))
            """
        let path = directory.url.appendingPathComponent("out.zip").path
        let json = "{" + members.map { "\"\($0.key)\": [\($0.value.map(String.init).joined(separator: ","))]" }.joined(separator: ",") + "}"
        _ = try ExternalTool.run(["python3", "-c", script, path, deflate ? "1" : "0"], input: Array(json.utf8))
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
