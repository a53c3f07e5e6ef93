/// The practice: clean up what the build leaves behind.
struct BytecodeLeft: ImageRule {
    static let meta = RuleMeta(
        id: "PI010", name: "bytecode-left", severity: .info,
        title: "Python bytecode from build-time runs is in the image",
        why: """
            `__pycache__/*.pyc` files next to application code are written when the code ran during the \
            build (tests, a warm-up import). They are rebuilt at run time anyway. Set \
            `PYTHONDONTWRITEBYTECODE=1` while building, or delete them in the same RUN. Bytecode in \
            `site-packages` and the standard library is left alone: installers write it on purpose.
            """,
        triggering: [
            """
            == layer: RUN /bin/sh -c python -m pytest # buildkit ==
            app/__pycache__/main.cpython-312.pyc (40000 bytes)
            """,
        ],
        passing: [
            """
            == layer: RUN /bin/sh -c pip install flask # buildkit ==
            usr/local/lib/python3.12/site-packages/flask/__pycache__/app.cpython-312.pyc (40000 bytes)
            usr/lib/python3.11/__pycache__/os.cpython-311.pyc (30000 bytes)
            """,
        ])

    func check(_ image: ImageCheckContext) -> [Finding] {
        var bytes: Int64 = 0
        var count = 0
        var bytesByLayer: [Int: Int64] = [:]
        var example: String?
        image.finalFiles { path, size, layer in
            guard path.hasSuffix(".pyc"), !Self.isLibrary(path) else { return }
            bytes += size
            count += 1
            bytesByLayer[layer, default: 0] += size
            if example == nil { example = path }
        }
        guard count > 0, let layer = bytesByLayer.layerWithMostBytes else { return [] }
        return [image.finding(Self.meta, layer: layer, path: example, """
            \(count) Python bytecode files (\(ByteSize.format(bytes))) outside site-packages, mostly from \(image.describe(layer: layer)); \
            set PYTHONDONTWRITEBYTECODE=1 while building or delete them in the same RUN
            """)]
    }

    /// Installed packages and the interpreter's own library.
    private static func isLibrary(_ path: String) -> Bool {
        path.contains("/site-packages/") || path.contains("/dist-packages/")
            || path.hasPrefix("usr/lib/python") || path.hasPrefix("usr/local/lib/python") || path.hasPrefix("opt/conda/lib/python")
    }
}
