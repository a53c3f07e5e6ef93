@testable import Advisories
import Foundation
import Testing

@Suite struct JSONSkimmerTests {
    @Test func readsWhatJSONDecoderReads() throws {
        let text = #"{"id": "A\u00e9\ud83d\ude00\n\"x\"", "n": -1.5e3, "t": true, "z": null, "list": [1, {"k": "v"}, []], "o": {}}"#
        let value = try #require(JSONSkimmer.parse(Array(text.utf8)))
        let reference = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(value["id"]?.string == reference["id"] as? String)
        #expect(value["list"]?.array?.count == 3 && value["list"]?.array?[1]["k"]?.string == "v")
    }

    @Test(arguments: ["", "{", "{\"a\": }", "[1,]", "{\"a\" 1}", "\"unterminated", "{\"a\": \"b\"} trailing", "[\"\u{01}\"]", "{\"a\": \"\\u12\"}"])
    func malformedDocumentsAreRefused(_ text: String) {
        #expect(JSONSkimmer.parse(Array(text.utf8)) == nil)
    }

    @Test func nestingBombsStopAtSixtyFourLevels() {
        let bomb = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(JSONSkimmer.parse(Array(bomb.utf8)) == nil)
        let skipped = "{\"id\": \"x\", \"details\": " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        #expect(JSONSkimmer.parse(Array(skipped.utf8), keeping: ["id"]) == nil)
        let deep = String(repeating: "[", count: 60) + String(repeating: "]", count: 60)
        #expect(JSONSkimmer.parse(Array(deep.utf8)) != nil)
    }

    @Test func skippedMembersAreStillChecked() {
        #expect(JSONSkimmer.parse(Array(#"{"id": "x", "details": "ok", "refs": [{"u": 1}]}"#.utf8), keeping: ["id"])?["details"] == nil)
        #expect(JSONSkimmer.parse(Array(#"{"id": "x", "details": [1,}"#.utf8), keeping: ["id"]) == nil)
    }
}

extension JSONSkimmer.Value: Equatable {
    public static func == (lhs: JSONSkimmer.Value, rhs: JSONSkimmer.Value) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): a == b
        case (.other, .other): true
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
        default: false
        }
    }
}
