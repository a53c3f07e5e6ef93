import Foundation
import ImageFixtures
import Testing

/// `plimsoll sbom` end to end: catalogers, formats, schema validity, warnings.
@Suite struct SBOMCommandTests {
    static func alpineAppImage() -> FixtureImage {
        var base = TarBuilder()
        base.file("etc/os-release", Array("NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.19.1\n".utf8))
        base.file("lib/apk/db/installed", Array("P:musl\nV:1.2.4-r2\nA:x86_64\nL:MIT\no:musl\n\nP:busybox\nV:1.36.1-r15\nA:x86_64\nL:GPL-2.0-only\no:busybox\n\nP:broken\n".utf8))
        var python = TarBuilder()
        python.file("usr/lib/python3.11/site-packages/requests-2.31.0.dist-info/METADATA",
                    Array("Metadata-Version: 2.1\nName: requests\nVersion: 2.31.0\nLicense: Apache 2.0\n".utf8))
        var node = TarBuilder()
        node.file("app/package.json", Array(#"{"name": "shop", "version": "1.0.0"}"#.utf8))
        node.file("app/node_modules/@scope/util/package.json", Array(#"{"name": "@scope/util", "version": "0.2.0", "license": "MIT"}"#.utf8))
        node.symlink("app/node_modules/loop", to: "../node_modules")
        node.file("app/bin/api", GoBinaryFixture.executable(modules: "path\tshop/cmd/api\nmod\tshop\t(devel)\t\ndep\tgithub.com/google/uuid\tv1.6.0\th1:x=\n"),
                  mode: 0o755)
        node.file("app/bin/not-executable", GoBinaryFixture.executable(modules: "dep\tgithub.com/hidden/dep\tv1.0.0\th1:x=\n"))
        return FixtureImage(layers: [
            .init(base, createdBy: "ADD alpine-minirootfs.tar.gz /"),
            .init(python, compression: .zstd, createdBy: "RUN /bin/sh -c pip install requests # buildkit"),
            .init(node, createdBy: "COPY . /app # buildkit"),
        ])
    }

    @Test func tableAndJSONListEveryPackageWithItsLayer() throws {
        let scratch = try Scratch()
        try Data(Self.alpineAppImage().ociArchive()).write(to: scratch.url.appendingPathComponent("app.tar"))
        let table = try PlimsollBinary.run(["sbom", "app.tar", "--format", "table"], in: scratch.url)
        #expect(table.status == 0)
        #expect(table.stdout.hasPrefix("NAME ") && table.stdout.contains("@scope/util") && table.stdout.contains("requests"))
        #expect(table.stderr == "plimsoll: warning: /lib/apk/db/installed: record at line 13 has no P: name or V: version\n")
        let json = try PlimsollBinary.run(["sbom", "app.tar", "--format", "json"], in: scratch.url)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let packages = try #require(document["packages"] as? [[String: Any]])
        let purls = packages.compactMap { $0["purl"] as? String }
        #expect(purls == [
            "pkg:apk/alpine/busybox@1.36.1-r15?arch=x86_64&distro=alpine-3.19.1&upstream=busybox",
            "pkg:apk/alpine/musl@1.2.4-r2?arch=x86_64&distro=alpine-3.19.1&upstream=musl",
            "pkg:golang/github.com/google/uuid@v1.6.0", "pkg:golang/shop@%28devel%29", "pkg:golang/stdlib@1.22.3",
            "pkg:npm/%40scope/util@0.2.0", "pkg:npm/shop@1.0.0", "pkg:pypi/requests@2.31.0",
        ])
        let requests = try #require(packages.last?["locations"] as? [[String: Any]])
        #expect(requests.first?["layer"] as? Int == 1)
        #expect((document["distribution"] as? [String: Any])?["versionID"] as? String == "3.19.1")
    }

    @Test(.enabled(if: Prerequisite.sharedSchemas, "../shared/schemas is absent"),
          .enabled(if: Prerequisite.python("jsonschema", "referencing"), "python3 jsonschema is not installed (pip install jsonschema)"))
    func cycloneDXAndSPDXValidateAgainstTheirSchemas() throws {
        let schemas = Prerequisite.shared("schemas")
        let scratch = try Scratch()
        try Data(Self.alpineAppImage().dockerArchive()).write(to: scratch.url.appendingPathComponent("app.tar"))
        let validator = #"""
            import json, pathlib, sys
            from jsonschema import Draft7Validator
            from referencing import Registry, Resource
            root = pathlib.Path(sys.argv[1]); kind = sys.argv[2]; document = json.load(sys.stdin)
            load = lambda path: json.loads((root / path).read_text())
            if kind == "cyclonedx":
                registry = Registry().with_resources([(f"http://cyclonedx.org/schema/{n}", Resource.from_contents(load("cyclonedx/" + n)))
                                                      for n in ("spdx.schema.json", "jsf-0.82.schema.json")])
                validator = Draft7Validator(load("cyclonedx/bom-1.6.schema.json"), registry=registry, format_checker=Draft7Validator.FORMAT_CHECKER)
            else:
                validator = Draft7Validator(load("spdx/spdx-schema.json"), format_checker=Draft7Validator.FORMAT_CHECKER)
            errors = [f"{list(e.absolute_path)} {e.message}" for e in validator.iter_errors(document)]
            print("\n".join(errors) if errors else "valid")
            """#
        for (format, kind) in [("cyclonedx-json", "cyclonedx"), ("spdx-json", "spdx")] {
            let outcome = try PlimsollBinary.run(["sbom", "app.tar", "--format", format], in: scratch.url)
            #expect(outcome.status == 0)
            let result = try ExternalTool.run(["python3", "-c", validator, schemas.path, kind], input: Array(outcome.stdout.utf8),
                                              mergingErrors: true).text
            #expect(result == "valid\n", "\(format): \(result)")
            #expect(outcome.stdout.contains("pkg:npm/%40scope/util@0.2.0"))
        }
    }

    @Test func rpmPackagesComeFromAnOpenSUSENDBDatabase() throws {
        let scratch = try Scratch()
        var base = TarBuilder()
        base.file("usr/lib/os-release", Array("NAME=\"openSUSE Leap\"\nID=\"opensuse-leap\"\nVERSION_ID=\"15.6\"\n".utf8))
        base.symlink("etc/os-release", to: "../usr/lib/os-release")
        let libzypp = RPMFixture.header([(1000, 6, "libzypp"), (1001, 6, "17.35.8"), (1002, 6, "150600.3.30.1"), (1014, 6, "GPL-2.0-or-later"),
                                         (1022, 6, "x86_64"), (1044, 6, "libzypp-17.35.8-150600.3.30.1.src.rpm")])
        // syft 1.18.1 (go-rpmdb) reads this fixture without the broken entry to the same purl; with it, syft drops
        // the whole database, while plimsoll warns once and keeps the rest.
        base.file("usr/lib/sysimage/rpm/Packages.db", RPMFixture.ndbDatabase([libzypp, [0xFF]]))
        try Data(FixtureImage(layers: [.init(base, createdBy: "ADD leap.tar.xz /")]).dockerArchive()).write(to: scratch.url.appendingPathComponent("leap.tar"))
        let sbom = try PlimsollBinary.run(["sbom", "leap.tar", "-f", "json"], in: scratch.url)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(sbom.stdout.utf8)) as? [String: Any], "\(sbom.stderr)")
        let packages = try #require(document["packages"] as? [[String: Any]])
        #expect(packages.compactMap { $0["purl"] as? String } == [
            "pkg:rpm/opensuse-leap/libzypp@17.35.8-150600.3.30.1?arch=x86_64&distro=opensuse-leap-15.6&upstream=libzypp-17.35.8-150600.3.30.1.src.rpm",
        ])
        #expect(sbom.status == 0 && sbom.stderr == "plimsoll: warning: /usr/lib/sysimage/rpm/Packages.db: a package header is malformed\n")
    }

    @Test func javaArchivesAreCatalogedAndScanned() throws {
        let scratch = try Scratch()
        let pom = { (group: String, artifact: String, version: String) in
            ("META-INF/maven/\(group)/\(artifact)/pom.properties", Array("groupId=\(group)\nartifactId=\(artifact)\nversion=\(version)\n".utf8))
        }
        let library = try ZipFixture.make(Dictionary(uniqueKeysWithValues: [pom("org.yaml", "snakeyaml", "1.33")]), deflate: true)
        let application = try ZipFixture.make(Dictionary(uniqueKeysWithValues: [
            ("META-INF/MANIFEST.MF", Array("Manifest-Version: 1.0\r\nImplementation-Version: 1.4.0\r\n".utf8)), pom("com.example", "shop", "1.4.0"),
            ("BOOT-INF/lib/snakeyaml-1.33.jar", library),
        ]), deflate: true)
        var layer = TarBuilder()
        layer.file("app/shop-1.4.0.jar", application)
        try Data(FixtureImage(layers: [.init(layer, createdBy: "COPY target/shop.jar /app/")]).dockerArchive())
            .write(to: scratch.url.appendingPathComponent("java.tar"))
        let sbom = try PlimsollBinary.run(["sbom", "java.tar", "-f", "json"], in: scratch.url)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(sbom.stdout.utf8)) as? [String: Any], "\(sbom.stderr)")
        let packages = try #require(document["packages"] as? [[String: Any]])
        #expect(Set(packages.compactMap { $0["purl"] as? String }) == ["pkg:maven/com.example/shop@1.4.0", "pkg:maven/org.yaml/snakeyaml@1.33"])
        let record = #"{"id": "GHSA-mjmj-j48q-9wg2", "aliases": ["CVE-2022-1471"], "affected": [{"package": {"ecosystem": "Maven", "name": "org.yaml:snakeyaml"}, "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "2.0"}]}]}], "database_specific": {"severity": "HIGH"}}"#
        try scratch.write("snakeyaml.json", record)
        _ = try PlimsollBinary.run(["db", "import", "snakeyaml.json", "--db", "j.sqlite"], in: scratch.url)
        let scan = try PlimsollBinary.run(["scan", "java.tar", "--db", "j.sqlite"], in: scratch.url)
        #expect(scan.status == 1 && scan.stdout.contains("snakeyaml 1.33 (Maven)") && scan.stdout.contains("high  GHSA-mjmj-j48q-9wg2 CVE-2022-1471  fixed in 2.0"),
                "\(scan.stdout)")
    }

    @Test func badOptionsAndImagesGiveOneErrorLine() throws {
        let scratch = try Scratch()
        let outcome = try PlimsollBinary.run(["sbom", "nowhere.tar", "--format", "json"], in: scratch.url)
        #expect(outcome.status == 2 && outcome.stderr == "plimsoll: error: cannot read nowhere.tar: No such file or directory\n", "\(outcome.stderr)")
        try Data(Self.alpineAppImage().dockerArchive()).write(to: scratch.url.appendingPathComponent("app.tar"))
        let format = try PlimsollBinary.run(["sbom", "app.tar", "--format", "xml"], in: scratch.url)
        #expect(format.status == 2 && format.stderr.contains("unknown format 'xml'"))
    }
}
