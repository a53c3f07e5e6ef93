/// Findings the linter itself raises, before any rule runs: the file cannot be built at all.
public enum BuiltinFindings {
    public static let syntaxError = RuleMeta(
        id: "PD000", name: "syntax-error", severity: .error,
        title: "BuildKit cannot parse this Dockerfile",
        why: """
            BuildKit's parser rejects the file, so no image can be built from it; the other rules still check \
            the instructions before the offending line. \
            Typical causes: a file without instructions, `ENV KEY` without a value, a JSON array holding \
            something other than strings, a heredoc that is never terminated, or a repeated parser directive.
            """,
        triggering: ["FROM alpine\nENV PATH\n", "FROM alpine\nCMD [\"echo\", [\"nested\"]]\n", "FROM alpine\nRUN <<EOF\necho never ends\n"],
        passing: ["FROM alpine\nENV PATH=/usr/local/bin:$PATH\n", "FROM alpine\nRUN <<EOF\necho terminated\nEOF\nCMD [\"echo\", \"flat\"]\n"])

    public static let invalidInstruction = RuleMeta(
        id: "PD008", name: "invalid-instruction", severity: .error, aliases: ["DL3043", "DL3061"],
        title: "BuildKit would refuse to build this instruction",
        why: """
            The file parses, but `docker build` stops at this instruction: an unknown instruction, a flag \
            the instruction does not accept, an instruction before the first FROM other than ARG, a FROM \
            with the wrong number of arguments, COPY without a destination, a malformed HEALTHCHECK, or a \
            `--target` stage that does not exist.
            """,
        triggering: ["FROM alpine\nCOPYY . /app\n", "RUN echo before any stage\nFROM alpine\n", "FROM alpine\nCOPY --chmown=app . /app\n"],
        passing: ["ARG BASE=alpine\nFROM $BASE\nCOPY --chown=app . /app\n", "# syntax=docker/dockerfile:1\nFROM alpine AS build\nRUN echo built\nFROM build\n"])
}
