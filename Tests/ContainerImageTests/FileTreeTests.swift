@testable import ContainerImage
import Testing

/// Layers written as `path size` lines (`dir/` directories, `-> t` symlinks, `=> t` hard links, `.wh.` whiteouts).
func layer(_ index: Int, _ lines: [String]) throws -> LayerChanges {
    var changes = LayerChanges(index: index)
    for line in lines {
        let parts = line.split(separator: " ").map(String.init)
        if parts.count == 3, parts[1] == "->" {
            _ = try changes.append(name: parts[0], kind: .symbolicLink, size: 0, linkTarget: parts[2])
        } else if parts.count == 3, parts[1] == "=>" {
            _ = try changes.append(name: parts[0], kind: .hardLink, size: 0, linkTarget: parts[2])
        } else if parts[0].hasSuffix("/") {
            _ = try changes.append(name: parts[0], kind: .directory, size: 0)
        } else {
            _ = try changes.append(name: parts[0], kind: .regular, size: Int64(parts.count > 1 ? parts[1] : "0") ?? 0)
        }
    }
    return changes
}

func analyse(_ layers: [LayerChanges]) -> (FileTree, SpaceAnalysis) {
    let tree = FileTree(layers: layers)
    return (tree, SpaceAnalysis(changes: layers, tree: tree))
}

@Suite struct FileTreeTests {
    @Test func whiteoutsDeleteFilesAndWholeDirectories() throws {
        let (tree, space) = analyse([
            try layer(0, ["etc/", "etc/a 100", "var/cache/apt/pkgcache.bin 5000", "var/cache/apt/archives/x.deb 3000"]),
            try layer(1, ["etc/.wh.a", "var/cache/.wh.apt"]),
        ])
        #expect(tree.lookup("etc/a") == nil && tree.lookup("var/cache/apt") == nil && tree.lookup("var/cache") != nil)
        #expect(space.totalBytes == 8100 && space.visibleBytes == 0 && space.layers[0].reclaimableBytes == 8100)
        let removal = try #require(tree.removals.first { $0.path == "var/cache/apt" })
        #expect(removal.bytes == 8000 && removal.wasDirectory && removal.removedBy == 1 && removal.cause == .whiteout)
        #expect(space.layers[1].pathsRemoved == 2)
    }

    @Test func anOpaqueDirectoryHidesLowerContentButKeepsItsOwnLayersEntries() throws {
        let (tree, space) = analyse([
            try layer(0, ["app/old.js 400", "app/lib/dep.js 600"]),
            try layer(1, ["app/", "app/.wh..wh..opq", "app/new.js 50"]),
        ])
        #expect(tree.lookup("app/new.js") != nil && tree.lookup("app/old.js") == nil && tree.lookup("app/lib") == nil)
        #expect(space.visibleBytes == 50 && space.reclaimableBytes == 1000)
        #expect(Set(tree.removals.map(\.path)) == ["app/old.js", "app/lib"])
    }

    @Test func overwritingAndRetypingPathsCountTheOldBytesAsReclaimable() throws {
        let (tree, space) = analyse([
            try layer(0, ["srv/app.bin 1000", "srv/data/a 10", "opt/thing 7"]),
            try layer(1, ["srv/app.bin 1200", "srv/data 3", "opt/thing/inside 1"]),
        ])
        #expect(space.layers[0].reclaimableBytes == 1017)
        #expect(space.visibleBytes == 1204)
        #expect(tree.lookup("opt/thing")?.kind == .directory && tree.lookup("srv/data")?.kind == .regular)
        #expect(tree.removals.contains { $0.path == "srv/app.bin" && $0.cause == .overwritten && $0.bytes == 1000 })
        #expect(tree.removals.contains { $0.path == "srv/data" && $0.cause == .replaced && $0.bytes == 10 })
        #expect(tree.removals.contains { $0.path == "opt/thing" && $0.cause == .replaced && $0.bytes == 7 })
        #expect(space.layers[1].pathsModified == 3)
        #expect(tree.changeKinds[1] == [.modified, .modified, .added])
        #expect(tree.changeKinds[0] == [.added, .added, .added])
    }

    @Test func aDirectoryWrittenAgainKeepsItsChildren() throws {
        let (tree, _) = analyse([try layer(0, ["usr/", "usr/bin/env 10"]), try layer(1, ["usr/"])])
        #expect(tree.lookup("usr/bin/env") != nil && tree.lookup("usr")?.layer == 1)
    }

    @Test func hardLinksCountOnceAndKeepTheirDataVisible() throws {
        let (_, space) = analyse([
            try layer(0, ["usr/bin/perl 3000", "usr/bin/perl5 => usr/bin/perl"]),
            try layer(1, ["usr/bin/.wh.perl"]),
        ])
        #expect(space.totalBytes == 3000 && space.visibleBytes == 3000 && space.reclaimableBytes == 0)
    }

    @Test func aPathWrittenTwiceInOneLayerCountsTheFirstCopyAsReclaimable() throws {
        let (_, space) = analyse([try layer(0, ["a 100", "a 40"])])
        #expect(space.totalBytes == 140 && space.visibleBytes == 40 && space.layers[0].reclaimableBytes == 100)
    }

    @Test func pathsAreCleanedAndClimbingAboveTheRootIsRefused() throws {
        let changes = try layer(0, ["./etc//hosts 5", "/abs/path 1", "a/b/../c 2"])
        #expect(changes.entries.map(\.path) == ["etc/hosts", "abs/path", "a/c"])
        #expect(throws: ImageError.unsafeEntry(layer: 0, path: "../../etc/passwd", reason: "`..` climbs above the root")) {
            try layer(0, ["../../etc/passwd 1"])
        }
        #expect(throws: ImageError.unsafeEntry(layer: 0, path: "x", reason: "its hard link target `../../y` is outside the root")) {
            try layer(0, ["x => ../../y"])
        }
    }

    @Test func largestFilesAndDirectoriesComeFromTheFinalFilesystem() throws {
        let (_, space) = analyse([
            try layer(0, ["usr/lib/big.so 9000", "usr/lib/small.so 10", "tmp/gone 50000"]),
            try layer(1, ["tmp/.wh.gone", "srv/app 700"]),
        ])
        #expect(space.largestFiles.map(\.path) == ["usr/lib/big.so", "srv/app", "usr/lib/small.so"])
        #expect(space.largestDirectories.first.map { ($0.path, $0.bytes) } ?? ("", 0) == ("usr", 9010))
    }
}

/// dive's own figures, reproduced: an overwritten file counts twice, a whiteout of a file counts nothing.
@Suite struct DiveFormulaTests {
    @Test func reproducesDivesDoubleCountingAndBlindSpots() throws {
        let (_, space) = analyse([
            try layer(0, ["base 1000"]),
            try layer(1, ["app.bin 300", "tmp/file 500", "cache/x 200"]),
            try layer(2, ["app.bin 300", "tmp/.wh.file", ".wh.cache"]),
        ])
        // Paths: base 1000; app.bin 300+300 (min 300); tmp/file 500+0 (min 0); cache 200 (dir whiteout) + cache/x 200.
        #expect(space.dive.wastedBytes == 600 + 500)
        let total = 1000.0 + 600 + 500 + 200 + 200
        let minimum = 1000.0 + 300 + 0 + 200 + 200
        #expect(abs(space.dive.efficiency - minimum / total) < 1e-12)
        #expect(abs(space.dive.userWastedPercent - 1100.0 / 1300.0) < 1e-12)
        // Plimsoll's own count: only the overwritten app.bin, the deleted file and the deleted cache are reclaimable.
        #expect(space.reclaimableBytes == 300 + 500 + 200)
    }
}

@Suite struct SymbolicLinkTests {
    @Test func linksResolveInsideTheImageAndLoopsEnd() throws {
        let tree = FileTree(layers: [try layer(0, [
            "usr/lib/os-release 40", "etc/os-release -> ../usr/lib/os-release",
            "bin -> usr/bin", "usr/bin/dash 100", "usr/bin/sh -> /bin/dash",
            "escape -> ../../../../usr/lib/os-release",
            "loop/a -> b", "loop/b -> a", "self -> self", "dangling -> nowhere",
        ])])
        #expect(tree.resolve("etc/os-release")?.path == "usr/lib/os-release")
        #expect(tree.resolve("bin/sh")?.path == "usr/bin/dash" && tree.resolve("bin/sh")?.node.size == 100)
        #expect(tree.resolve("escape")?.path == "usr/lib/os-release")
        #expect(tree.resolve("loop/a") == nil && tree.resolve("self") == nil && tree.resolve("dangling") == nil)
        #expect(tree.resolve("")?.node.kind == .directory)
    }
}
