#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ContainerImage

/// Finds a Go binary's build information (`.go.buildinf:` blob) while the file streams past.
/// The linker aligns the blob to 16 bytes (Go's own debug/buildinfo searches only there), so only
/// every 16th offset is tested; only the blob itself (at most 64 KiB) is kept.
final class GoBuildInfoInspector: ContentInspector {
    static let magic: [UInt8] = [0xFF] + Array(" Go buildinf:".utf8)
    static let alignment = 16
    static let keep = 64 << 10

    /// Bytes of the file seen before the current piece.
    private var offset = 0
    private var head: [UInt8] = []
    /// The start of a possible magic cut off at the end of the previous piece.
    private var pending: [UInt8] = []
    private var found: [UInt8]?
    private(set) var extracted: [UInt8]?

    func consume(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard !bytes.isEmpty else { return true }
        defer { offset += bytes.count }
        if head.count < 4 {
            head += bytes.prefix(4 - head.count)
            if head.count == 4, head != [0x7F, 0x45, 0x4C, 0x46] { return false }
        }
        if var blob = found {
            blob.append(contentsOf: bytes.prefix(Self.keep - blob.count))
            return record(blob)
        }
        if !pending.isEmpty {
            let earlier = pending
            let candidate = earlier + bytes.prefix(Self.magic.count - earlier.count)
            pending = []
            if candidate.count == Self.magic.count {
                // The magic continues at the start of this piece: the blob is the earlier bytes and this piece.
                if candidate.elementsEqual(Self.magic) { return record(earlier + Array(bytes.prefix(Self.keep))) }
            } else if Self.magic.starts(with: candidate) {
                pending = candidate
                return true
            }
        }
        var position = (Self.alignment - offset % Self.alignment) % Self.alignment
        while position < bytes.count {
            if bytes[position] == 0xFF {
                let available = bytes.count - position
                if available < Self.magic.count {
                    if Self.magic.starts(with: bytes[position...]) { pending = Array(bytes[position...]) }
                } else if bytes[position..<(position + Self.magic.count)].elementsEqual(Self.magic) {
                    return record(Array(bytes[position...].prefix(Self.keep)))
                }
            }
            position += Self.alignment
        }
        return true
    }

    private func record(_ blob: [UInt8]) -> Bool {
        extracted = Array(blob.prefix(Self.keep))
        guard blob.count < Self.keep else { return false }
        found = blob
        return true
    }
}

/// The module list in a Go 1.18+ build-information blob.
struct GoBuildInfo: Equatable {
    struct Module: Equatable {
        var path: String
        var version: String
    }

    var goVersion: String
    var mainModule: Module?
    var dependencies: [Module]

    /// nil for blobs without inline strings (Go before 1.18 stored pointers instead).
    init?(blob: [UInt8]) {
        let headerSize = 32
        guard blob.count > headerSize, blob.starts(with: GoBuildInfoInspector.magic), blob[15] & 0x2 != 0 else { return nil }
        var position = headerSize
        func string() -> String? {
            var length = 0
            var shift = 0
            while position < blob.count {
                let byte = blob[position]
                position += 1
                length |= Int(byte & 0x7F) << shift
                if byte & 0x80 == 0 { break }
                shift += 7
                if shift > 28 { return nil }
            }
            guard length >= 0, position + length <= blob.count else { return nil }
            defer { position += length }
            return String(decoding: blob[position..<(position + length)], as: UTF8.self)
        }
        guard let version = string(), let rawModules = string() else { return nil }
        goVersion = version
        // The module text is framed by 16-byte sentinels.
        let modules = rawModules.utf8.count >= 33 ? String(decoding: Array(rawModules.utf8).dropFirst(16).dropLast(16), as: UTF8.self) : ""
        var main: Module?
        var dependencies: [Module] = []
        for line in modules.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 3 else { continue }
            switch fields[0] {
            case "mod": main = Module(path: fields[1], version: fields[2])
            case "dep": dependencies.append(Module(path: fields[1], version: fields[2]))
            case "=>" where !dependencies.isEmpty: dependencies[dependencies.count - 1] = Module(path: fields[1], version: fields[2])
            default: break
            }
        }
        mainModule = main
        self.dependencies = dependencies
    }
}

/// Go executables: the main module, its dependencies and the standard library version.
enum GoModules {
    /// Executables worth streaming past the inspector: any regular file with an execute bit.
    static func isCandidate(size: Int64, mode: UInt32) -> Bool { size >= 1024 && mode & 0o111 != 0 }

    static func packages(path: String, layer: Int, blob: [UInt8]) -> [InstalledPackage] {
        guard let info = GoBuildInfo(blob: blob) else { return [] }
        let location = PackageLocation(path: "/" + path, layer: layer)
        var modules = info.dependencies
        if let main = info.mainModule { modules.insert(main, at: 0) }
        var packages = modules.map { module in
            InstalledPackage(type: .golang, name: module.path, version: module.version, purl: purl(module.path, module.version), locations: [location])
        }
        if info.goVersion.hasPrefix("go") {
            let version = String(info.goVersion.dropFirst(2).split(separator: " ").first ?? "")
            packages.append(InstalledPackage(type: .golang, name: "stdlib", version: "go" + version,
                                             purl: PackageURL.make(type: "golang", name: "stdlib", version: version), locations: [location]))
        }
        return packages
    }

    /// syft's split of a module path: host and owner are the namespace, the next segment the
    /// name, the rest the subpath: `github.com/cespare/xxhash/v2` →
    /// `pkg:golang/github.com/cespare/xxhash@v2.3.0#v2`.
    static func purl(_ path: String, _ version: String) -> String {
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count > 1 else { return PackageURL.make(type: "golang", name: path, version: version) }
        let nameIndex = min(2, parts.count - 1)
        let subpath = parts.dropFirst(nameIndex + 1).joined(separator: "/")
        return PackageURL.make(type: "golang", namespace: parts[..<nameIndex].joined(separator: "/"), name: parts[nameIndex], version: version)
            + (subpath.isEmpty ? "" : "#" + subpath)
    }
}
