#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A zip archive on disk, read with `pread` where the reader asks: the directory once, then each
/// member as it is imported.
final class ZipFile: ZipBytes {
    private let descriptor: Int32
    let size: Int

    init(path: String) throws(ZipArchive.Failure) {
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable("cannot open it: \(String(cString: strerror(errno)))") }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw .unreadable("not a regular file")
        }
        size = Int(status.st_size)
    }

    deinit { close(descriptor) }

    func read(_ offset: Int, _ count: Int) throws(ZipArchive.Failure) -> [UInt8] {
        guard offset >= 0, offset <= size, count >= 0 else { throw .malformed("an offset points past the end") }
        let wanted = min(count, size - offset)
        var buffer = [UInt8](repeating: 0, count: wanted)
        var done = 0
        while done < wanted {
            let got = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, wanted - done, off_t(offset + done)) }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { throw .unreadable("cannot read at offset \(offset + done): \(got < 0 ? String(cString: strerror(errno)) : "the file ended")") }
            done += got
        }
        return buffer
    }
}
