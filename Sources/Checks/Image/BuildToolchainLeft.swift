/// The practice: multi-stage builds keep compilers out of the final image.
struct BuildToolchainLeft: ImageRule {
    static let meta = RuleMeta(
        id: "PI008", name: "build-toolchain-left", severity: .info,
        title: "Compilers and build tools are in the final image",
        why: """
            A C compiler, make and development headers are needed to build, not to run. In the final image \
            they add tens of megabytes and give an attacker a toolchain. Build in a separate stage and COPY \
            only the result into a slim or distroless base.
            """,
        triggering: [
            """
            == layer: RUN /bin/sh -c apt-get install -y build-essential # buildkit ==
            usr/bin/gcc-12 (1000000 bytes)
            usr/bin/make (250000 bytes)
            usr/include/stdio.h (30000 bytes)
            """,
        ],
        passing: [
            """
            == layer: COPY --from=build /out/app /usr/local/bin/app # buildkit ==
            usr/local/bin/app (5000000 bytes)
            """,
        ])

    /// Program names (before any `-VERSION` suffix) that only building needs.
    static let tools: Set<String> = ["gcc", "g++", "cc", "c++", "cc1", "cc1plus", "clang", "clang++", "make", "cmake", "ld", "as", "rustc", "cargo"]
    static let toolDirectories = ["usr/bin/", "usr/local/bin/", "bin/"]

    func check(_ image: ImageCheckContext) -> [Finding] {
        var found: [String: String] = [:]
        var bytes: Int64 = 0
        var bytesByLayer: [Int: Int64] = [:]
        image.finalFiles { path, size, layer in
            let isHeader = path.hasPrefix("usr/include/")
            let isCompilerInternals = path.hasPrefix("usr/lib/gcc/") || path.hasPrefix("usr/libexec/gcc/")
            var isTool = false
            if let directory = Self.toolDirectories.first(where: { path.hasPrefix($0) }) {
                let name = path.dropFirst(directory.count)
                let program = name.split(separator: "-").first.map(String.init) ?? String(name)
                isTool = !name.contains("/") && (Self.tools.contains(String(name)) || Self.tools.contains(program))
                if isTool { found[String(name)] = path }
            }
            guard isTool || isHeader || isCompilerInternals else { return }
            bytes += size
            bytesByLayer[layer, default: 0] += size
        }
        guard !found.isEmpty, let layer = bytesByLayer.layerWithMostBytes else { return [] }
        let names = found.keys.sorted().prefix(6).joined(separator: ", ")
        return [image.finding(Self.meta, layer: layer, path: found.values.min(), """
            the final image has build tools (\(names)) and \(ByteSize.format(bytes)) of toolchain files, mostly from \
            \(image.describe(layer: layer)); build in a separate stage and copy only the result
            """)]
    }
}
