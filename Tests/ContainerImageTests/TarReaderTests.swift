@testable import ContainerImage
import ImageFixtures
import Testing

/// An in-memory stream that hands out at most `chunk` bytes per read, to exercise buffer refills.
final class BytesStream: ByteStream {
    private let bytes: [UInt8]
    private let chunk: Int
    private var position = 0

    init(_ bytes: [UInt8], chunk: Int = 7_000) {
        self.bytes = bytes
        self.chunk = chunk
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ImageError) -> Int {
        let count = min(buffer.count, chunk, bytes.count - position)
        guard count > 0 else { return 0 }
        bytes[position..<position + count].withUnsafeBytes { buffer.copyMemory(from: $0) }
        position += count
        return count
    }
}

func entries(_ bytes: [UInt8]) throws(ImageError) -> [TarEntry] {
    let reader = TarReader(BytesStream(bytes)) { .corruptLayer(layer: 0, reason: $0) }
    var entries: [TarEntry] = []
    while let entry = try reader.next() { entries.append(entry) }
    return entries
}

@Suite struct TarReaderTests {
    @Test func readsUstarEntriesOfEveryKind() throws {
        var tar = TarBuilder()
        tar.directory("etc")
        tar.file("etc/passwd", size: 1300)
        tar.symlink("bin/sh", to: "dash")
        tar.hardLink("usr/bin/perl5", to: "usr/bin/perl")
        tar.entry(.init(name: "dev/null", typeflag: UInt8(ascii: "3")), data: [])
        tar.entry(.init(name: "dev/sda", typeflag: UInt8(ascii: "4")), data: [])
        tar.entry(.init(name: "run/fifo", typeflag: UInt8(ascii: "6")), data: [])
        let read = try entries(tar.archive)
        #expect(read.map(\.kind) == [.directory, .regular, .symbolicLink, .hardLink, .characterDevice, .blockDevice, .fifo])
        #expect(read[1].size == 1300 && read[1].name == "etc/passwd")
        #expect(read[2].linkTarget == "dash")
        #expect(read[3].linkTarget == "usr/bin/perl" && read[3].size == 0)
    }

    @Test func joinsTheUstarPrefixAndAppliesPaxAndGNULongNames() throws {
        let long = String(repeating: "d", count: 120) + "/" + String(repeating: "f", count: 120)
        var tar = TarBuilder()
        var header = TarBuilder.Header(name: "name.txt", size: 3)
        header.prefix = "some/prefix"
        tar.entry(header, data: Array("abc".utf8))
        tar.pax([("path", long), ("linkpath", "target/" + long), ("uid", "4242")])
        tar.symlink("short", to: "t")
        tar.gnuLongName(long + "/gnu")
        tar.file("truncated-name", size: 10)
        tar.gnuLongName("linked/" + long, typeflag: "K")
        tar.hardLink("hard", to: "x")
        let read = try entries(tar.archive)
        #expect(read[0].name == "some/prefix/name.txt")
        #expect(read[1].name == long && read[1].linkTarget == "target/" + long && read[1].uid == 4242)
        #expect(read[2].name == long + "/gnu" && read[2].size == 10)
        #expect(read[3].name == "hard" && read[3].linkTarget == "linked/" + long)
    }

    @Test func globalPaxRecordsApplyToLaterEntries() throws {
        var tar = TarBuilder()
        tar.pax([("uid", "7")], global: true)
        tar.file("a", size: 1)
        tar.file("b", size: 1)
        #expect(try entries(tar.archive).map(\.uid) == [7, 7])
    }

    @Test func paxSizeOverridesTheHeaderAndSparseFilesReportTheirLogicalSize() throws {
        var tar = TarBuilder()
        tar.pax([("size", "2000")])
        var header = TarBuilder.Header(name: "big", size: 2000)
        header.claimedSize = 0
        tar.entry(header, data: [UInt8](repeating: 1, count: 2000))
        var sparse = TarBuilder.Header(name: "sparse.img", typeflag: UInt8(ascii: "S"), size: 512)
        sparse.realSize = 1 << 30
        sparse.gnuMagic = true
        tar.entry(sparse, data: [UInt8](repeating: 2, count: 512))
        tar.pax([("GNU.sparse.name", "pax-sparse.img"), ("GNU.sparse.realsize", "4096")])
        tar.file("GNUSparseFile.0/pax-sparse.img", size: 100)
        tar.file("after", size: 5)
        let read = try entries(tar.archive)
        #expect(read.map(\.name) == ["big", "sparse.img", "pax-sparse.img", "after"])
        #expect(read.map(\.size) == [2000, 1 << 30, 4096, 5])
    }

    @Test func headerOnlyEntriesCarryNoDataWhateverTheirSizeSays() throws {
        var tar = TarBuilder()
        var directory = TarBuilder.Header(name: "huge/", typeflag: UInt8(ascii: "5"))
        directory.claimedSize = 1 << 40
        tar.entry(directory, data: [])
        tar.file("next", size: 3)
        let read = try entries(tar.archive)
        #expect(read.map(\.name) == ["huge/", "next"])
    }

    @Test func aFileClaimingATerabyteIsATruncationErrorNotAnAllocation() {
        var tar = TarBuilder()
        var header = TarBuilder.Header(name: "claims-1tb", size: 10)
        header.claimedSize = 1 << 40
        tar.entry(header, data: [UInt8](repeating: 0, count: 10))
        #expect(throws: ImageError.corruptLayer(layer: 0, reason: "the tar stream ends inside an entry's data")) { try entries(tar.bytes) }
    }

    @Test func rejectsBadChecksumsTruncationAndOversizedExtensions() {
        var tar = TarBuilder()
        tar.file("a", size: 10)
        var corrupted = tar.archive
        corrupted[0] = UInt8(ascii: "b")
        #expect(throws: ImageError.corruptLayer(layer: 0, reason: "a tar header has a bad checksum")) { try entries(corrupted) }
        #expect(throws: ImageError.corruptLayer(layer: 0, reason: "the tar stream ends inside a header")) { try entries(Array(tar.bytes.prefix(300))) }
        var huge = TarBuilder()
        huge.entry(.init(name: "p", typeflag: UInt8(ascii: "x"), size: 2 << 20), data: [UInt8](repeating: 0x30, count: 2 << 20))
        #expect(throws: ImageError.corruptLayer(layer: 0, reason: "an extension header is larger than 1 MiB")) { try entries(huge.archive) }
        var malformed = TarBuilder()
        malformed.entry(.init(name: "p", typeflag: UInt8(ascii: "x"), size: 12), data: Array("99 path=x\n\n\n".utf8))
        #expect(throws: ImageError.corruptLayer(layer: 0, reason: "a pax header is malformed")) { try entries(malformed.archive) }
    }

    @Test func anArchiveWithoutEndBlocksEndsCleanlyAtAHeaderBoundary() throws {
        var tar = TarBuilder()
        tar.file("a", size: 600)
        #expect(try entries(tar.bytes).count == 1)
    }
}
