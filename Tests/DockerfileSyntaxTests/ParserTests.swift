@testable import DockerfileSyntax
import Testing

@Suite struct ParserTests {
    func parse(_ text: String) throws -> Dockerfile { try DockerfileParser.parse(text: text) }

    @Test func everyInstructionIsFoundByItsKeywordInAnyCase() {
        for kind in InstructionKind.allCases where kind != .unknown {
            #expect(InstructionKind(keyword: kind.rawValue) == kind && InstructionKind(keyword: kind.rawValue.uppercased()) == kind)
        }
        #expect(InstructionKind(keyword: "unknown") == .unknown && InstructionKind(keyword: "FROMM") == .unknown)
    }

    @Test func heredocsOfEveryForm() throws {
        let file = try parse("""
            FROM alpine
            RUN <<EOF bash
            set -e
            echo hi
            EOF
            COPY <<-"END" <<two /dst/
            \tliteral $HOME
            \tEND
            second
            two
            RUN 3<<X cat /proc/self/fd/3
            x
            X
            # a comment after a heredoc, which hadolint cannot parse
            USER app
            """)
        #expect(file.instructions.map(\.keyword) == ["FROM", "RUN", "COPY", "RUN", "USER"])
        let run = file.instructions[1]
        #expect(run.heredocs.map(\.name) == ["EOF"])
        #expect(run.heredocs[0].content == "set -e\necho hi\n")
        #expect(run.heredocs[0].expand)
        #expect((run.startLine, run.endLine) == (2, 5))
        let copy = file.instructions[2]
        #expect(copy.heredocs.map(\.name) == ["END", "two"])
        #expect(copy.heredocs[0].chomp && !copy.heredocs[0].expand)
        #expect(copy.heredocs[1].content == "second\n")
        #expect(file.instructions[3].heredocs.first?.fileDescriptor == 3)
        #expect(file.instructions[4].startLine == 15)
    }

    @Test func jsonFormHasNoHeredocs() throws {
        let file = try parse("FROM a\nRUN [\"cat\", \"<<EOF\"]\nEOF\n")
        #expect(file.instructions.count == 3)
        #expect(file.instructions[1].heredocs.isEmpty)
    }

    @Test func unterminatedHeredocIsAnError() {
        #expect(throws: DockerfileSyntaxError.self) { try parse("FROM a\nRUN <<EOF\necho\n") }
    }

    @Test func spansPointAtKeywordFlagsAndArguments() throws {
        let text = "FROM alpine\nRUN --mount=type=cache,target=/var/cache/apt \\\n    apt-get update\n"
        let file = try parse(text)
        let run = file.instructions[1]
        let source = file.source
        #expect(source.range(of: run.keywordSpan) == SourceRange(start: .init(line: 2, column: 1), end: .init(line: 2, column: 4)))
        #expect(source.text(of: run.flags[0].span) == "--mount=type=cache,target=/var/cache/apt")
        #expect(run.flags[0].name == "mount")
        #expect(source.range(of: run.rest.span).start == SourcePosition(line: 3, column: 5))
        #expect(source.range(of: run.rest.span).end == SourcePosition(line: 3, column: 19))
        #expect(run.rest.value == "apt-get update")
    }

    @Test func continuationSkipsCommentsAndBlankLines() throws {
        let file = try parse("FROM a\nRUN echo one \\\n# comment\n\n  two\nUSER x\n")
        #expect(file.instructions[1].rest.value == "echo one   two")
        #expect(file.emptyContinuationLines == [4])
        #expect(file.comments.map(\.line) == [3])
        #expect(file.instructions[2].startLine == 6)
    }

    @Test func directivesAndBacktickEscape() throws {
        let file = try parse("# syntax=docker/dockerfile:1\n# escape=`\n# check=skip=all\nFROM windows `\n  AS base\nRUN dir c:\\\n")
        #expect(file.directives.map(\.name) == ["syntax", "escape", "check"])
        #expect(file.escapeToken == UInt8(ascii: "`"))
        #expect(file.instructions[0].arguments.map(\.value) == ["windows", "AS", "base"])
        #expect(file.instructions[1].rest.value == "dir c:\\")
    }

    @Test func duplicateDirectiveIsAnError() {
        #expect(throws: DockerfileSyntaxError.self) { try parse("# escape=`\n# escape=\\\nFROM a\n") }
    }

    @Test func invalidJSONFallsBackToShellForm() throws {
        let file = try parse("FROM a\nCMD [\"a\", 'b']\nENTRYPOINT [\"x\"\n")
        #expect(file.instructions[1].body == .shell(file.instructions[1].rest))
        #expect(!file.instructions[2].isJSONForm)
    }

    @Test func nonStringJSONArrayIsAnError() {
        #expect(throws: DockerfileSyntaxError.self) { try parse("FROM a\nCMD [\"a\", 1]\n") }
    }

    @Test func onbuildHoldsItsTrigger() throws {
        let file = try parse("FROM a\nONBUILD RUN --network=none make\n")
        let trigger = try #require(file.instructions[1].triggered)
        #expect(trigger.kind == .run)
        #expect(trigger.flags.map(\.text) == ["--network=none"])
    }

    @Test func byteOrderMarkAndCRLFAreIgnored() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("FROM a\r\nUSER b\r\n".utf8)
        let file = try DockerfileParser.parse(SourceFile(path: "x", bytes: bytes))
        #expect(file.instructions.map(\.rest.value) == ["a", "b"])
    }
}
