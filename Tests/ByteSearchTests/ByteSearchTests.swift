import ByteSearch
import Testing

struct ByteSearchTests {
    func offset(_ needle: String, in haystack: String, from start: Int = 0) -> Int? {
        Array(haystack.utf8).withUnsafeBytes { hay in
            Array(needle.utf8).withUnsafeBytes { ByteSearch.firstOffset(of: $0, in: hay, from: start) }
        }
    }

    @Test func findsTheFirstOccurrenceAtOrAfterTheStart() {
        #expect(offset("abac", in: "ababac") == 2)
        #expect(offset("ab", in: "xxab") == 2 && offset("ab", in: "xxa") == nil)
        #expect(offset("ab", in: "abab", from: 1) == 2 && offset("ab", in: "abab", from: 3) == nil)
        #expect(offset("long", in: "lon") == nil)
    }

    @Test func anEmptyNeedleOccursAtTheStart() {
        #expect(offset("", in: "abc") == 0 && offset("", in: "abc", from: 3) == 3 && offset("", in: "") == 0)
        #expect(offset("", in: "abc", from: 4) == nil)
    }
}
