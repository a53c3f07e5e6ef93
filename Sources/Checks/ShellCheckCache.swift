import HostSystem
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BuildContext

/// ShellCheck's comments on scripts it has already seen, kept on disk by content. ShellCheck
/// spends about 2 ms even on a one-line script, most of a lint run, while RUN scripts rarely
/// change between runs. A key covers everything that decides the answer: the script, the binary
/// (path, size, modification time), `SHELLCHECK_OPTS` and the user's shellcheckrc. Entries are
/// written whole (temporary file, then rename); an unreadable or foreign entry is a miss.
public struct ShellCheckCache: Sendable {
    public let directory: String
    private let identity: [UInt8]
    static let header = "plimsoll shellcheck cache 2\n"

    /// nil when the binary cannot be examined.
    public init?(directory: String, executable: String) {
        var status = stat()
        guard stat(executable, &status) == 0 else { return nil }
        var identity = "\(executable)\n\(status.st_size)\n\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)\n"
        identity += (Environment.setValue("SHELLCHECK_OPTS") ?? "") + "\n"
        for rc in Self.userConfigurationFiles() {
            if let bytes = try? FileReader.read(rc, limit: 1 << 20) { identity += rc + "\n" + String(decoding: bytes, as: UTF8.self) }
        }
        self.directory = directory
        self.identity = Array(identity.utf8)
    }


    private static func userConfigurationFiles() -> [String] {
        var files: [String] = []
        if let home = Environment.value("HOME") { files += [home + "/.shellcheckrc", home + "/.config/shellcheckrc"] }
        if let config = Environment.value("XDG_CONFIG_HOME") { files.append(config + "/shellcheckrc") }
        return files
    }

    /// 128-bit FNV-1a of the identity and the script, in hex. Not a cryptographic hash: whoever can
    /// write the cache can change its answers anyway, and OpenSSL's one-time set-up would cost a
    /// warm one-file lint more than all of its other ShellCheck work.
    func key(_ script: String) -> String {
        var hash: UInt128 = 0x6C62_272E_07BB_0142_62B8_2175_6295_C58D
        let prime: UInt128 = 0x0000_0000_0100_0000_0000_0000_0000_013B
        for byte in identity { hash = (hash ^ UInt128(byte)) &* prime }
        hash = hash &* prime  // the separator byte 0
        for byte in script.utf8 { hash = (hash ^ UInt128(byte)) &* prime }
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8](repeating: 0, count: 32)
        for index in text.indices { text[index] = digits[Int(truncatingIfNeeded: hash >> (124 - 4 * index)) & 0xF] }
        return String(decoding: text, as: UTF8.self)
    }

    private func folder(_ key: String) -> String { "\(directory)/shellcheck/\(key.prefix(2))" }
    private func path(_ key: String) -> String { folder(key) + "/" + key }

    /// The comments stored for `key`, as script 0.
    func load(_ key: String) -> [ShellCheckComment]? {
        guard let bytes = try? FileReader.read(path(key), limit: 1 << 20), bytes.starts(with: Self.header.utf8) else { return nil }
        func text(_ field: ArraySlice<UInt8>) -> String { String(decoding: field, as: UTF8.self) }
        var comments: [ShellCheckComment] = []
        for line in bytes[Self.header.utf8.count...].split(separator: UInt8(ascii: "\n")) {
            let fields = line.split(separator: UInt8(ascii: "\t"), maxSplits: 4, omittingEmptySubsequences: false)
            guard fields.count == 5, let number = Int(text(fields[0])), let column = Int(text(fields[1])) else { return nil }
            comments.append(ShellCheckComment(script: 0, line: number, column: column, level: text(fields[2]), code: text(fields[3]),
                                              message: text(fields[4])))
        }
        return comments
    }

    /// Stores `comments` under `key`; failures (a read-only home, a full disk) only cost the next run time.
    func store(_ comments: [ShellCheckComment], key: String) {
        guard DirectoryCreation.makeAll(folder(key)) else { return }
        let target = path(key)
        var text = Self.header
        for comment in comments {
            text += "\(comment.line)\t\(comment.column)\t\(comment.level)\t\(comment.code)\t\(comment.message.split(separator: "\n").joined(separator: " "))\n"
        }
        _ = text.withUTF8 { AtomicFile.write(UnsafeRawBufferPointer($0), to: target) }
    }
}
