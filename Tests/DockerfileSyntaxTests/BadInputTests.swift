import DockerfileSyntax
import Testing

/// Hostile or broken input ends in a syntax error or a tree, never a crash, hang or blow-up.
@Suite struct BadInputTests {
    @Test func emptyFileHasNoInstructions() {
        #expect(throws: DockerfileSyntaxError("file with no instructions", line: 1)) {
            try DockerfileParser.parse(SourceFile(path: "x", bytes: []))
        }
    }

    @Test func binaryGarbageAndInvalidUTF8() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if let file = try? DockerfileParser.parse(SourceFile(path: "x", bytes: bytes)) {
                _ = BuildGraph(file)
            }
        }
        let invalid: [UInt8] = Array("FROM a\nRUN echo ".utf8) + [0xFF, 0xFE, 0xC3] + Array("\nLABEL k=\u{FFFF}".utf8)
        let file = try DockerfileParser.parse(SourceFile(path: "x", bytes: invalid))
        #expect(file.instructions.count == 3)
    }

    @Test func fiftyMegabyteLine() throws {
        let line = "RUN echo " + String(repeating: "a", count: 50_000_000)
        let file = try DockerfileParser.parse(text: "FROM a\n" + line)
        #expect(file.instructions[1].rest.value.utf8.count > 50_000_000)
        #expect(BuildGraph(file).stages[0].steps[0].script?.commands.count == 1)
    }

    @Test func aMillionWordsOnOneLine() throws {
        let labels = "LABEL " + String(repeating: "k=v ", count: 500_000)
        let labelled = try DockerfileParser.parse(text: "FROM a\n" + labels)
        #expect(labelled.instructions[1].arguments.count == 1_000_000)
    }

    @Test func hundredThousandContinuationLines() throws {
        let text = "FROM a\nRUN true" + String(repeating: " \\\n && true", count: 100_000) + "\n"
        let file = try DockerfileParser.parse(text: text)
        #expect(file.instructions[1].endLine == 100_002)
        let graph = BuildGraph(file)
        #expect(graph.stages[0].steps[0].script?.commands.count == 100_001)
    }

    @Test func unterminatedJSONArrayIsShellForm() throws {
        let file = try DockerfileParser.parse(text: "FROM a\nCMD [\"a\", \"b\"\n")
        #expect(!file.instructions[1].isJSONForm)
    }

    @Test func jsonNestingBombDoesNotRecurse() throws {
        let bomb = String(repeating: "[", count: 1_000_000) + String(repeating: "]", count: 1_000_000)
        #expect(throws: DockerfileSyntaxError.self) { try DockerfileParser.parse(text: "FROM a\nCMD [\"a\", \(bomb)]\n") }
        let unclosed = try DockerfileParser.parse(text: "FROM a\nCMD " + String(repeating: "[", count: 1_000_000) + "\n")
        #expect(!unclosed.instructions[1].isJSONForm)
    }

    @Test func deepNestingNeverExhaustsTheStack() throws {
        let variables = "FROM a\nENV X=" + String(repeating: "${A:-", count: 100_000) + "x" + String(repeating: "}", count: 100_000) + "\n"
        let graph = BuildGraph(try DockerfileParser.parse(text: variables))
        #expect(graph.stages[0].steps[0].expanded.count == 2)
        #expect(throws: DockerfileSyntaxError.self) {
            try DockerfileParser.parse(text: "FROM a\n" + String(repeating: "ONBUILD ", count: 100_000) + "RUN x\n")
        }
        let shell = "FROM a\nRUN echo " + String(repeating: "$(", count: 50_000) + String(repeating: ")", count: 50_000)
            + " " + String(repeating: "(", count: 100_000) + String(repeating: ")", count: 100_000) + "\n"
        #expect(BuildGraph(try DockerfileParser.parse(text: shell)).stages[0].steps[0].script != nil)
    }

    @Test func patternTrimmingOfHugeValuesStaysLinear() throws {
        let text = "FROM a\nENV A=" + String(repeating: "a", count: 2_000_000) + "\nENV B=${A##*x} C=${A%%x*}\n"
        let graph = BuildGraph(try DockerfileParser.parse(text: text))
        #expect(graph.stages[0].steps[1].expandedPairs.map(\.value.count) == [2_000_000, 2_000_000])
    }

    @Test func unknownInstructionIsABuildProblem() throws {
        let graph = BuildGraph(try DockerfileParser.parse(text: "FROM a\nFOO bar\n"))
        #expect(graph.problems.map(\.message) == ["unknown instruction: FOO"])
        #expect(graph.problems.first?.line == 2)
    }

    @Test func onlyCommentsHasNoInstructions() {
        #expect(throws: DockerfileSyntaxError.self) { try DockerfileParser.parse(text: "# nothing\n\n# here\n") }
    }
}
