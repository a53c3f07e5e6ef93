/// A unified diff between a file and its fixed version, for `lint --diff`. Fixes change few lines,
/// so a line-level diff by common prefix and suffix per region is exact and never quadratic.
public enum UnifiedDiff {
    public static func render(path: String, before: [UInt8], after: [UInt8], context: Int = 3) -> String {
        let old = lines(before), new = lines(after)
        guard old != new else { return "" }
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        let start = max(0, prefix - context)
        let oldEnd = min(old.count, old.count - suffix + context), newEnd = min(new.count, new.count - suffix + context)
        var output = "--- \(path)\n+++ \(path)\n"
        output += "@@ -\(start + 1),\(oldEnd - start) +\(start + 1),\(newEnd - start) @@\n"
        for line in old[start..<prefix] { output += " " + line }
        for line in old[prefix..<(old.count - suffix)] { output += "-" + line }
        for line in new[prefix..<(new.count - suffix)] { output += "+" + line }
        for line in old[(old.count - suffix)..<oldEnd] { output += " " + line }
        if !output.hasSuffix("\n") { output += "\n\\ No newline at end of file\n" }
        return output
    }

    private static func lines(_ bytes: [UInt8]) -> [String] {
        var result: [String] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            result.append(String(decoding: bytes[start...index], as: UTF8.self))
            start = index + 1
        }
        if start < bytes.count { result.append(String(decoding: bytes[start...], as: UTF8.self)) }
        return result
    }
}
