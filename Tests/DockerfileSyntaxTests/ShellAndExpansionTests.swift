@testable import DockerfileSyntax
import Testing

@Suite struct ShellParserTests {
    @Test func splitsOperatorsWordsAndRedirections() {
        let script = ShellParser.parse("set -o pipefail; A=1 sudo -E apt-get -qy install 'curl' \"git\" 2>&1 | tee log || (cd /x && make) &")
        #expect(script.commands.map(\.program) == ["set", "apt-get", "tee", "cd", "make"])
        #expect(script.commands.map(\.connector) == [.semicolon, .pipe, .or, .and, .semicolon])
        let install = script.commands[1]
        #expect(install.assignments == ["A=1"])
        #expect(install.operands == ["install", "curl", "git"])
        #expect(install.hasOption("-y") && install.hasOption("-q") && !install.hasOption("-f"))
        #expect(install.redirections.map(\.operator_) == [">&"])
        #expect(script.commands[3].groupDepth == 1)
        #expect(script.enablesPipefailBeforePipes)
        #expect(!ShellParser.parse("curl x | sh").enablesPipefailBeforePipes)
    }

    @Test func commentsContinuationsAndHeredocBodies() {
        let script = ShellParser.parse("""
            apt-get update \\
              && apt-get install -y x # trailing comment
            cat <<'EOF' > /etc/conf
            rm -rf /
            EOF
            echo "$(date) done"
            """)
        #expect(script.commands.compactMap(\.program) == ["apt-get", "apt-get", "cat", "echo", "date"])
        #expect(script.commands[3].arguments == ["$(date) done"])
        #expect(script.commands[4].groupDepth == 1)
        #expect(!script.removes("/"))
    }

    @Test func commandSubstitutionsAreParsedButNotArithmetic() {
        let script = ShellParser.parse("v=\"$(echo a | jshell -)\"; n=$((1 + 2)); x=`ignored`")
        #expect(script.commands.compactMap(\.program) == ["echo", "jshell"])
        #expect(script.hasPipes && !script.enablesPipefailBeforePipes)
        let bomb = String(repeating: "$(", count: 100_000) + String(repeating: ")", count: 100_000)
        #expect(ShellParser.parse("echo " + bomb).commands.count <= ShellParser.maximumNesting + 2)
    }

    @Test func removesKnowsParents() {
        #expect(ShellParser.parse("rm -rf /var/lib/apt/lists/*").removes("/var/lib/apt/lists"))
        #expect(ShellParser.parse("rm -fr /var/lib/apt").removes("/var/lib/apt/lists"))
        #expect(!ShellParser.parse("rm -rf /var/lib/apt/lists/partial").removes("/var/lib/apt/lists"))
    }
}

@Suite struct VariableExpanderTests {
    let expander = VariableExpander()
    let variables = ["A": "alpha", "EMPTY": "", "PATHV": "/usr/local/bin/tool"]

    @Test(arguments: [
        ("$A", "alpha"), ("${A}", "alpha"), ("x${A}y", "xalphay"), ("${MISSING:-def}", "def"),
        ("${EMPTY:-def}", "def"), ("${EMPTY-def}", ""), ("${A:+alt}", "alt"), ("${EMPTY:+alt}", ""),
        ("${EMPTY+alt}", "alt"), ("${MISSING+alt}", ""), ("'$A'", "$A"), ("\"$A\"", "alpha"), ("\\$A", "$A"),
        ("${PATHV##*/}", "tool"), ("${PATHV%/*}", "/usr/local/bin"), ("${PATHV#/usr}", "/local/bin/tool"),
        ("$", "$"), ("$1x", "x"), ("${MISSING:-${A}}", "alpha"),
    ])
    func expands(_ input: String, _ expected: String) {
        #expect(expander.expand(input, variables: variables).value == expected)
    }

    @Test func reportsUnsetNames() {
        #expect(expander.expand("${X}-$Y-${Z:-d}", variables: [:]).unset == ["X", "Y"])
    }

    @Test func backtickEscape() {
        #expect(VariableExpander(escapeToken: UInt8(ascii: "`")).expand("c:\\dir`$A", variables: variables).value == "c:\\dir$A")
    }
}

@Suite struct SubcommandTests {
    @Test(arguments: [
        ("apt-get -o Dpkg::Options::=--force-confnew -y install curl", "install"),
        ("yum -y --disablerepo \\* --enablerepo=jboss install unzip", "install"),
        ("apk -X https://mirror/alpine add curl", "add"),
        ("git -C /src pull", "pull"),
        ("pip install -r req.txt", "install"),
        ("sudo -E apt-get -qq update", "update"),
    ])
    func subcommandSkipsOptionValues(_ line: String, _ expected: String) {
        #expect(ShellParser.parse(line).commands.first?.subcommand == expected)
    }
}

@Suite struct InlineScriptTests {
    @Test func commandsOfShDashCAreParsed() {
        let script = ShellParser.parse("su nobody -s /bin/sh -c \"cd /tmp && curl -fLO https://x/y\" && bash -ec 'apt-get update'")
        #expect(script.commands.compactMap(\.program) == ["su", "cd", "curl", "bash", "apt-get"])
        #expect(script.commands[2].groupDepth == 1)
    }
}
