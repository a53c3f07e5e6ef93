import ContainerImage
/// Seed practice: a static binary needs no distribution around it.
struct ShellInStaticImage: ImageRule {
    static let meta = RuleMeta(
        id: "PI028", name: "shell-in-static-image", severity: .info,
        title: "A statically linked entrypoint ships with a shell and package manager",
        why: """
            When the entrypoint is a static binary (Go, Rust with musl, static C), nothing in the image \
            needs a shell, a package manager or the rest of a distribution: they only add size and give \
            an intruder tools. `gcr.io/distroless/static` or `scratch` (plus CA certificates and tzdata if \
            needed) is enough.
            """,
        triggering: [
            """
            == config ==
            Entrypoint: /app/server
            == layer: ADD file:rootfs in / ==
            bin/sh (100000 bytes)
            usr/bin/apt-get (20000 bytes)
            == layer: COPY server /app/server # buildkit ==
            app/server = <static ELF executable>
            """,
        ],
        passing: [
            """
            == config ==
            Entrypoint: /app/server
            == layer: COPY server /app/server # buildkit ==
            app/server = <static ELF executable>
            """,
            """
            == config ==
            Entrypoint: /app/server
            == layer: ADD file:rootfs in / ==
            bin/sh (100000 bytes)
            == layer: COPY server /app/server # buildkit ==
            app/server = <dynamic ELF executable>
            """,
        ])

    static let shells = ["bin/sh", "bin/bash", "bin/ash", "usr/bin/bash", "bin/busybox"]
    static let packageManagers = ["usr/bin/apt-get", "usr/bin/dpkg", "sbin/apk", "usr/bin/dnf", "usr/bin/yum", "usr/bin/rpm", "usr/bin/microdnf"]

    func check(_ image: ImageCheckContext) -> [Finding] {
        let selection = ImageContentSelection(configuration: image.imageConfiguration)
        guard let program = selection.programPaths.sorted().first(where: { image.finalContent($0) != nil }),
              let header = image.finalContent(program), ELFHeader.isStatic(header) == true else { return [] }
        let tools = (Self.shells + Self.packageManagers).filter { image.tree.resolve($0)?.node.kind == .regular }
        guard !tools.isEmpty else { return [] }
        let layer = image.tree.lookup(program)?.layer
        return [image.finding(Self.meta, layer: layer, path: program, """
            the entrypoint /\(program) is a static binary, yet the image ships \(tools.map { "/" + $0 }.joined(separator: ", ")); \
            a distroless/static or scratch base would do
            """)]
    }
}

/// Just enough of ELF to tell a static executable from a dynamic one: a dynamic one has a
/// PT_INTERP program header naming its loader.
enum ELFHeader {
    /// nil when `bytes` is not an ELF file or its program headers lie beyond what was read.
    static func isStatic(_ bytes: [UInt8]) -> Bool? {
        guard bytes.count >= 7, bytes[0] == 0x7F, bytes[1] == 0x45, bytes[2] == 0x4C, bytes[3] == 0x46 else { return nil }
        let is64 = bytes[4] == 2
        let littleEndian = bytes[5] == 1
        func read(_ offset: Int, _ size: Int) -> Int? {
            guard offset >= 0, offset + size <= bytes.count else { return nil }
            var value = 0
            for index in 0..<size {
                let byte = Int(bytes[littleEndian ? offset + size - 1 - index : offset + index])
                value = value << 8 | byte
            }
            return value
        }
        guard let programHeaders = read(is64 ? 0x20 : 0x1C, is64 ? 8 : 4), let entrySize = read(is64 ? 0x36 : 0x2A, 2),
              let count = read(is64 ? 0x38 : 0x2C, 2), entrySize > 0, count < 4096 else { return nil }
        for index in 0..<count {
            guard let type = read(programHeaders + index * entrySize, 4) else { return nil }
            if type == 3 { return false }
        }
        return true
    }
}

extension ELFHeader {
    /// A 64-bit little-endian ELF header with one program header: PT_INTERP when `dynamic`, else
    /// PT_LOAD. Rule examples write it as `<static ELF executable>` or `<dynamic ELF executable>`.
    static func sample(dynamic: Bool) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 64 + 56)
        bytes.replaceSubrange(0..<7, with: [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1])
        bytes[0x20] = 64      // e_phoff
        bytes[0x36] = 56      // e_phentsize
        bytes[0x38] = 1       // e_phnum
        bytes[64] = dynamic ? 3 : 1
        return bytes
    }
}
