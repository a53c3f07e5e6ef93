import DockerfileSyntax
import Testing

struct TextSearchTests {
    @Test(arguments: [
        ("mcr.microsoft.com/windows/servercore", "servercore", true),
        ("library/debian", "/windows", false),
        ("aa", "aa", true),
        ("a", "aa", false),
        ("", "", true),
        ("abc", "", true),
        ("ababac", "abac", true),
        ("x-naïve-y", "ïve", true),
        ("PASSWORD_FILE", "PASSWORD", true),
    ])
    func containsText(_ haystack: String, _ needle: String, _ expected: Bool) {
        #expect(haystack.contains(text: needle) == expected)
        #expect(haystack[...].contains(text: needle) == expected)
        // An empty needle occurs everywhere, as in the standard library's own string search (Foundation's says no).
        if !needle.isEmpty { #expect(haystack.contains(text: needle) == haystack.contains(needle)) }
    }

    @Test func rangeIsTheFirstOccurrence() throws {
        let text = "a://b://c"
        let range = try #require(text.range(ofText: "://"))
        #expect(text[..<range.lowerBound] == "a" && text[range.upperBound...] == "b://c")
        let tail = text[range.upperBound...]
        let next = try #require(tail.range(ofText: "://"))
        #expect(tail[..<next.lowerBound] == "b" && tail[next.upperBound...] == "c")
        #expect("abc".range(ofText: "abcd") == nil)
    }
}
