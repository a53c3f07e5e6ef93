import DockerfileSyntax

struct YarnCacheLeft: DockerfileRule {
    static let meta = RuleMeta(
        id: "PD037", name: "yarn-cache-left", severity: .info, aliases: ["DL3060"],
        title: "yarn install keeps its cache in the layer",
        why: """
            Yarn keeps a copy of every package it installs in its global cache (`/usr/local/share/.cache/yarn` \
            as root); in an image that doubles the size of the dependencies. End the RUN with `yarn cache \
            clean`, or mount the cache (`RUN --mount=type=cache,target=/usr/local/share/.cache/yarn`).
            """,
        triggering: ["FROM node:22-slim\nRUN yarn install --frozen-lockfile\n", "FROM node:22-slim\nRUN yarn global add serve\n"],
        passing: ["FROM node:22-slim\nRUN yarn install --frozen-lockfile && yarn cache clean\n",
                  "FROM node:22-slim\nRUN ln -s /opt/yarn/bin/yarn /usr/local/bin/yarn && yarn --version\n",
                  "FROM node:22-slim\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n"],
        fix: .safe)

    func check(_ context: LintContext) -> [Finding] {
        context.layerSteps.compactMap { step -> Finding? in
            guard let cache = PackageManager.yarn.cacheDirectory(program: "yarn"), PackageCommands(step)?.leaves(cache) != nil else { return nil }
            return context.finding(Self.meta, at: step.instruction.span, "`yarn install` keeps its package cache in this layer; end the RUN with `&& yarn cache clean`",
                                   fix: RunTextEdits.append("&& yarn cache clean", to: step, context: context)
                                       .map { Fix(Self.meta, description: "Clean the yarn cache in the same RUN", edits: $0) })
        }
    }
}
