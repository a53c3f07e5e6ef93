import ContainerImage
import HostSystem
import HTTPTransfer

/// A layer blob in a registry, downloaded while the layer is read. The stream checks size and digest
/// as bytes pass, resumes a broken transfer with `Range`, and fills the cache only once verified.
struct RegistryBlob: BlobDownload {
    let client: RegistryClient
    let repository: String
    let descriptor: Descriptor
    /// `layer 2`, for messages.
    let what: String
    let cache: BlobCache?

    func open() throws(ImageError) -> any ByteStream {
        RegistryBlobStream(blob: self, writer: cache?.entryWriter(for: descriptor.digest))
    }
}

final class RegistryBlobStream: ByteStream {
    private let blob: RegistryBlob
    private let writer: BlobCacheWriter?
    private let hasher = SHA256Hasher()
    private var response: HTTPResponse?
    private var received: Int64 = 0
    private var resumes = 0
    private var finished = false
    private let started = MonotonicClock.seconds
    static let maximumResumes = 3

    init(blob: RegistryBlob, writer: BlobCacheWriter?) {
        self.blob = blob
        self.writer = writer
    }

    private var name: String { "\(blob.what) blob \(blob.descriptor.digest)" }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ImageError) -> Int {
        guard !finished else { return 0 }
        while true {
            let response = try current()
            let count: Int
            do {
                count = try response.read(into: buffer)
            } catch {
                guard error.isTransient, resumes < Self.maximumResumes else {
                    throw .transfer("\(blob.client.registry): \(name) failed after \(received) of \(blob.descriptor.size) bytes: \(error.description)")
                }
                resumes += 1
                self.response = nil
                continue
            }
            if count == 0 {
                try finish()
                return 0
            }
            guard received + Int64(count) <= blob.descriptor.size else {
                writer?.abandon()
                throw .sizeMismatch(what: name, expected: blob.descriptor.size, actual: received + Int64(count))
            }
            let bytes = UnsafeRawBufferPointer(rebasing: buffer[..<count])
            hasher.update(bytes)
            writer?.write(bytes)
            received += Int64(count)
            if MonotonicClock.seconds - started > blob.client.options.blobTimeLimit {
                throw .transfer("\(blob.client.registry): \(name) stalled: \(received) of \(blob.descriptor.size) bytes after \(Int(blob.client.options.blobTimeLimit)) s")
            }
            return count
        }
    }

    /// The open response, or a new request that resumes at `received` (`Range`); a server that
    /// ignores the range sends the blob from the start, and what was already read is skipped.
    private func current() throws(ImageError) -> HTTPResponse {
        if let response { return response }
        var headers = HTTPHeaders()
        if received > 0 { headers.set("Range", "bytes=\(received)-") }
        let path = "/v2/\(blob.repository)/blobs/\(blob.descriptor.digest)"
        let opened = try blob.client.send("GET", path, repository: blob.repository, headers: headers)
        switch opened.status {
        case 200:
            if received > 0 { try skip(received, of: opened) }
        case 206 where received > 0:
            guard opened.headers["Content-Range"]?.hasPrefix("bytes \(received)-") == true else {
                opened.discard()
                throw .transfer("\(blob.client.registry) resumed \(name) at the wrong offset")
            }
        default:
            opened.discard()
            throw blob.client.refusal(opened, what: name)
        }
        response = opened
        return opened
    }

    private func skip(_ count: Int64, of response: HTTPResponse) throws(ImageError) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 16)
        defer { buffer.deallocate() }
        var left = count
        while left > 0 {
            let read: Int
            do {
                read = try response.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<Int(min(left, Int64(buffer.count)))]))
            } catch {
                throw .transfer("\(blob.client.registry): \(name) failed while resuming: \(error.description)")
            }
            guard read > 0 else { throw .transfer("\(blob.client.registry): \(name) ended early while resuming") }
            left -= Int64(read)
        }
    }

    private func finish() throws(ImageError) {
        finished = true
        guard received == blob.descriptor.size else {
            writer?.abandon()
            throw .sizeMismatch(what: name, expected: blob.descriptor.size, actual: received)
        }
        let digest = hasher.finish()
        guard digest == blob.descriptor.digest else {
            writer?.abandon()
            throw .digestMismatch(what: name, expected: blob.descriptor.digest.description, actual: digest.description)
        }
        writer?.commit()
    }
}
