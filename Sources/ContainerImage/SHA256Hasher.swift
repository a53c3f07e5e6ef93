import CLibcrypto

/// Streaming SHA-256 over libcrypto's EVP interface, which uses the CPU's SHA extensions.
final class SHA256Hasher {
    private let context: OpaquePointer

    init() {
        // EVP_MD_CTX_new fails only when malloc fails, where nothing else would work either.
        guard let context = EVP_MD_CTX_new() else { preconditionFailure("out of memory for a SHA-256 context") }
        self.context = context
        EVP_DigestInit_ex(context, EVP_sha256(), nil)
    }

    deinit { EVP_MD_CTX_free(context) }

    func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        EVP_DigestUpdate(context, base, bytes.count)
    }

    func finish() -> Digest {
        var output = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        EVP_DigestFinal_ex(context, &output, &length)
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in output {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return Digest(hex: String(decoding: hex, as: UTF8.self))
    }

    static func digest(of bytes: [UInt8]) -> Digest {
        let hasher = SHA256Hasher()
        bytes.withUnsafeBytes { hasher.update($0) }
        return hasher.finish()
    }
}
