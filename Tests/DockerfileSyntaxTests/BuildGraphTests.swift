import DockerfileSyntax
import Testing

@Suite struct BuildGraphTests {
    func graph(_ text: String, _ options: BuildOptions = BuildOptions()) throws -> BuildGraph {
        BuildGraph(try DockerfileParser.parse(text: text), options: options)
    }

    @Test func globalArgsResolveInFromAndBuildArgsOverride() throws {
        let text = """
            ARG NODE=20
            ARG VARIANT=${NODE}-slim
            FROM node:${VARIANT} AS build
            FROM gcr.io/distroless/nodejs${NODE}-debian12@sha256:abc
            """
        let defaults = try graph(text)
        #expect(defaults.stages[0].baseName == "node:20-slim")
        guard case .image(let node) = defaults.stages[0].base else { Issue.record("not an image"); return }
        #expect((node.registry, node.repository, node.tag) == ("docker.io", "library/node", "20-slim"))
        guard case .image(let distroless) = defaults.stages[1].base else { Issue.record("not an image"); return }
        #expect(distroless.registry == "gcr.io" && distroless.digest == "sha256:abc" && distroless.tag == nil)
        let overridden = try graph(text, BuildOptions(buildArguments: ["NODE": "22"]))
        #expect(overridden.stages[0].baseName == "node:22-slim")
        let unset = try graph("ARG BASE\nFROM ${BASE}:1\n")
        #expect(unset.stages[0].unsetBaseVariables == ["BASE"])
        #expect(unset.stages[0].base == .unresolved(":1"))
    }

    @Test func argScopingFollowsBuildKit() throws {
        let file = """
            ARG VERSION=1
            FROM alpine
            RUN echo
            USER ${VERSION:-none}
            FROM alpine
            ARG VERSION
            USER u${VERSION}
            ENV VERSION=env
            USER ${VERSION}
            FROM alpine
            ARG NAME=${UNSET:+x}default
            USER $NAME
            """
        let stages = try graph(file).stages
        #expect(stages[0].user == "none")
        #expect(stages[1].steps[1].expanded == ["u1"])
        #expect(stages[1].user == "env")
        #expect(stages[2].user == "default")
    }

    @Test func envIsInheritedThroughStageBases() throws {
        let stages = try graph("FROM alpine AS base\nENV APP=/srv\nUSER app\nFROM base\nWORKDIR $APP\n").stages
        #expect(stages[1].steps[0].expanded == ["/srv"])
        #expect(stages[1].user == "app")
        #expect(stages[1].base == .stage(0))
    }

    @Test func finalStageTargetAndReachability() throws {
        let text = """
            FROM golang AS Build
            FROM alpine AS tools
            FROM node AS unused
            FROM scratch AS final
            COPY --from=build /app /app
            RUN --mount=type=bind,from=tools,target=/t true
            """
        let full = try graph(text)
        #expect(full.finalStage?.name == "final")
        #expect(full.stages.map(\.reachesFinalImage) == [true, true, false, true])
        #expect(full.stages[3].base == .scratch)
        let targeted = try graph(text, BuildOptions(target: "tools"))
        #expect(targeted.finalStage?.name == "tools")
        #expect(targeted.stages.map(\.reachesFinalImage) == [false, true, false, false])
        let missing = try graph(text, BuildOptions(target: "nope"))
        #expect(missing.problems.map(\.message) == ["target stage \"nope\" could not be found"])
    }

    @Test func nonPOSIXShellsAreRecognised() throws {
        let stages = try graph("""
            FROM mcr.microsoft.com/windows/servercore:ltsc2022
            RUN dir
            SHELL ["powershell", "-Command"]
            RUN Get-ChildItem
            FROM alpine
            RUN ls
            """).stages
        #expect(stages[0].steps[0].shell == ["cmd", "/S", "/C"])
        #expect(!stages[0].steps[0].usesPOSIXShell && stages[0].steps[0].script == nil)
        #expect(!stages[0].steps[2].usesPOSIXShell)
        #expect(stages[1].steps[0].usesPOSIXShell && stages[1].steps[0].script != nil)
    }

    @Test func runScriptsFromEveryForm() throws {
        let stages = try graph("""
            FROM debian
            RUN ["sh", "-c", "apt-get update && apt-get install -y curl"]
            RUN ["apt-get", "clean"]
            RUN <<EOF
            apt-get install -y git
            rm -rf /var/lib/apt/lists/*
            EOF
            RUN python3 <<EOF
            import os
            EOF
            """).stages
        #expect(stages[0].steps[0].script?.commands.map(\.program) == ["apt-get", "apt-get"])
        #expect(stages[0].steps[1].script?.commands.first?.arguments == ["clean"])
        #expect(stages[0].steps[2].script?.commands.compactMap(\.program) == ["apt-get", "rm"])
        #expect(stages[0].steps[2].script?.removes("/var/lib/apt/lists") == true)
        #expect(stages[0].steps[3].script?.commands.compactMap(\.program) == ["python3"])
    }

    @Test func imageReferences() {
        #expect(ImageReference("localhost:5000/team/app:1.0")?.registry == "localhost:5000")
        #expect(ImageReference("team/app")?.repository == "team/app")
        #expect(ImageReference("node")?.isOfficial == true)
        #expect(ImageReference("node:")?.tag == nil)
        #expect(ImageReference("") == nil)
        #expect(ImageReference("registry.example.com:443/app")?.tag == nil)
    }
}
