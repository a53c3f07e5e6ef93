import CLibcrypto

/// Streaming SHA-256 over libcrypto's low-level interface, which uses the CPU's SHA extensions and,
/// unlike EVP, initialises nothing else of the library.
public final class SHA256Hasher {
    private var context = SHA256_CTX()

    public init() {
        SHA256_Init(&context)
    }

    public func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        SHA256_Update(&context, base, bytes.count)
    }

    public func finish() -> Digest {
        var output = [UInt8](repeating: 0, count: 32)
        SHA256_Final(&output, &context)
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in output {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return Digest(hex: String(decoding: hex, as: UTF8.self))
    }

    public static func digest(of bytes: [UInt8]) -> Digest {
        let hasher = SHA256Hasher()
        bytes.withUnsafeBytes { hasher.update($0) }
        return hasher.finish()
    }

    /// The digest of a region of a file, read in 256 KiB steps.
    public static func digest(of region: FileRegion) throws(ImageError) -> Digest {
        let hasher = SHA256Hasher()
        let stream = FileRegionStream(region)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 << 10, alignment: 64)
        defer { buffer.deallocate() }
        while true {
            let count = try stream.read(into: buffer)
            if count == 0 { break }
            hasher.update(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
        }
        return hasher.finish()
    }
}
