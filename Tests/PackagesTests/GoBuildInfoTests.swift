import ContainerImage
import ImageFixtures
@testable import Packages
import Testing

func goBuildInfoBlob(version: String, modules: String) -> [UInt8] { GoBinaryFixture.buildInfo(version: version, modules: modules) }
func goExecutable(modules: String) -> [UInt8] { GoBinaryFixture.executable(modules: modules) }

let sampleModules = """
    path\texample.com/shop/cmd/api
    mod\texample.com/shop\t(devel)\t
    dep\tgithub.com/spf13/cobra\tv1.8.0\th1:abc=
    dep\tgithub.com/cespare/xxhash/v2\tv2.3.0\th1:xyz=
    dep\tgolang.org/x/sys\tv0.15.0\th1:def=
    =>\tgolang.org/x/sys\tv0.16.0\th1:ghi=
    build\t-compiler=gc

    """

@Suite struct GoBuildInfoTests {
    @Test(arguments: [1, 7, 13, 16, 4093, 4096, 1 << 20])
    func theBlobIsFoundWhateverThePieceSize(_ pieceSize: Int) throws {
        let file = goExecutable(modules: sampleModules)
        let inspector = GoBuildInfoInspector()
        inspector.consume(file, piecesOf: pieceSize)
        let blob = try #require(inspector.extracted)
        let info = try #require(GoBuildInfo(blob: blob))
        #expect(info.goVersion == "go1.22.3")
        #expect(info.mainModule == .init(path: "example.com/shop", version: "(devel)"))
        #expect(info.dependencies == [.init(path: "github.com/spf13/cobra", version: "v1.8.0"), .init(path: "github.com/cespare/xxhash/v2", version: "v2.3.0"),
                                      .init(path: "golang.org/x/sys", version: "v0.16.0")])
    }

    @Test func modulesBecomePackagesWithGolangPurls() {
        let blob = goBuildInfoBlob(version: "go1.22.3", modules: sampleModules)
        let purls = GoModules.packages(path: "app/api", layer: 2, blob: blob).map(\.purl)
        #expect(purls == [
            "pkg:golang/example.com/shop@%28devel%29", "pkg:golang/github.com/spf13/cobra@v1.8.0", "pkg:golang/github.com/cespare/xxhash@v2.3.0#v2",
            "pkg:golang/golang.org/x/sys@v0.16.0", "pkg:golang/stdlib@1.22.3",
        ])
    }

    @Test func otherFilesAreLeftAfterTheirFirstBytes() {
        let inspector = GoBuildInfoInspector()
        let script = Array("#!/bin/sh\necho hi\n".utf8)
        #expect(script.withUnsafeBytes { inspector.consume($0) } == false)
        #expect(inspector.extracted == nil)
        #expect(GoBuildInfo(blob: GoBuildInfoInspector.magic + [8, 0] + [UInt8](repeating: 0, count: 40)) == nil, "pre-1.18 pointer format")
        #expect(GoBuildInfo(blob: Array(goBuildInfoBlob(version: "go1.21.0", modules: sampleModules).prefix(40))) == nil, "truncated")
    }
}
